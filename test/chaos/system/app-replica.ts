import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { AppName } from '../../support/system';
import { waitFor } from '../../support/wait-for';

export interface ReplicaLaunch {
  /** The compiled apps (a snapshot of dist/, see dist-snapshot.ts). */
  distDir: string;
  /** Not the checkout: the gateway rewrites apps/gateway/schema.graphql under its working folder. */
  cwd: string;
  logDir: string;
  env: Record<string, string>;
}

/** One process of one app, on a port of its own; `exited` settles whenever it ends, for whatever reason. */
export class AppReplica {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  /** Set before we end it on purpose, so the supervisor knows a crash from a kill. */
  stopping = false;

  constructor(
    readonly app: AppName,
    readonly index: number,
    readonly port: number,
    launch: ReplicaLaunch,
  ) {
    const log = createWriteStream(join(launch.logDir, `${app}-${index}.log`), { flags: 'a' });
    this.child = spawn(process.execPath, ['-r', 'tsconfig-paths/register', join(launch.distDir, 'apps', app, 'src', 'main.js')], {
      cwd: launch.cwd,
      env: {
        ...process.env,
        ...launch.env,
        [`${app.toUpperCase()}_PORT`]: String(port),
        // tsconfig-paths maps @app/* into the snapshot, whatever the working folder.
        TS_NODE_PROJECT: join(__dirname, '..', '..', '..', 'tsconfig.json'),
        TS_NODE_BASEURL: launch.distDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.pipe(log);
    this.child.stderr!.pipe(log);
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
  }

  get name(): string {
    return `${this.app}#${this.index}`;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async healthy(timeoutMs = 120000): Promise<void> {
    await waitFor(`${this.name} to be healthy`, async () => {
      if (!this.alive) throw new Error(`${this.name} exited (${this.child.exitCode ?? this.child.signalCode})`);
      const res = await fetch(`http://127.0.0.1:${this.port}/health`, { signal: AbortSignal.timeout(2000) });
      return res.ok;
    }, { timeoutMs, intervalMs: 250 });
  }

  /** SIGKILL is the fault; SIGTERM a clean stop (shutdown hooks run, consumers leave their groups). */
  async end(signal: NodeJS.Signals, graceMs = 30000): Promise<void> {
    this.stopping = true;
    if (!this.alive) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
