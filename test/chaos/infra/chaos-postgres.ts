import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ensureDatabase } from '../../../scripts/stack/postgres';
import { chownTree, unprivilegedUser } from '../../../scripts/stack/unprivileged';
import { waitFor } from '../../support/wait-for';
import { OwnedProcess } from './owned-process';

/** The distribution's server: F3/F4 need one of our own, never the shared 5432 server. */
const BIN = process.env.CHAOS_PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** Ends in _test: the apps and test/support/test-env.ts refuse anything else. */
export const CHAOS_DATABASE = 'chaos_test';

const run = async (url: string, sql: string): Promise<void> => {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
};

/** A PostgreSQL cluster in the run's folder, on a free port, run as an unprivileged user (we are root). */
export class ChaosPostgres {
  private readonly proc: OwnedProcess;
  private readonly data: string;

  constructor(
    private readonly dir: string,
    readonly port: number,
  ) {
    this.data = join(dir, 'data');
    const runAs = unprivilegedUser('chaos-postgres', ['postgres', 'commerce-pg']);
    // max_connections: ten app replicas (F9) with their pools, plus the oracle. fsync off: the
    // faults kill processes, not the machine, so the OS cache survives them and recovery is real.
    this.proc = new OwnedProcess('postgres', join(BIN, 'postgres'),
      ['-D', this.data, '-p', String(port), '-h', '127.0.0.1', '-k', this.data, '-c', 'max_connections=400', '-c', 'fsync=off'],
      { logFile: join(dir, 'postgres.log'), pidFile: join(dir, 'postgres.pid'), uid: runAs?.uid, gid: runAs?.gid });
    if (!existsSync(join(this.data, 'PG_VERSION'))) {
      mkdirSync(this.data, { recursive: true });
      chownTree(dir, runAs);
      const init = spawnSync(join(BIN, 'initdb'), ['-D', this.data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale'], {
        encoding: 'utf8', uid: runAs?.uid, gid: runAs?.gid,
      });
      if (init.status !== 0) throw new Error(`initdb failed: ${(init.stderr || init.stdout).trim().split('\n').pop()}`);
    }
  }

  url(database = CHAOS_DATABASE): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    this.proc.start();
    await waitFor(`chaos PostgreSQL on ${this.port} (log: ${this.proc.logFile})`, () => run(this.url('postgres'), 'SELECT 1').then(() => true), {
      timeoutMs: 60000, intervalMs: 250,
    });
    await ensureDatabase(this.url());
  }

  /** F4: the server and every backend SIGKILLed at once; the next start runs crash recovery. */
  kill(): Promise<void> {
    return this.proc.kill();
  }

  /** F3: the database refuses every new connection and its sessions are ended, until allow(). */
  async refuse(): Promise<void> {
    await run(this.url('postgres'), `ALTER DATABASE ${CHAOS_DATABASE} WITH ALLOW_CONNECTIONS false`);
    await run(this.url('postgres'), `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${CHAOS_DATABASE}' AND pid <> pg_backend_pid()`);
  }

  allow(): Promise<void> {
    return run(this.url('postgres'), `ALTER DATABASE ${CHAOS_DATABASE} WITH ALLOW_CONNECTIONS true`);
  }

  // SIGINT is PostgreSQL's fast shutdown; to the postmaster alone, as the stack does.
  stop(): Promise<void> {
    return this.proc.stop('SIGINT', false);
  }
}
