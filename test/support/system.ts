import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appKafkaEnv, provisionLocalKafka } from '../../scripts/kafka/local';
import { freePort } from './free-port';
import { waitFor } from './wait-for';
import { assertTestDatabase } from './test-env';

const ROOT = join(__dirname, '..', '..');
export type AppName = 'gateway' | 'order' | 'user' | 'payment' | 'consumers';
export const ALL_APPS: AppName[] = ['user', 'order', 'payment', 'consumers', 'gateway'];
const LOG_DIR = join(ROOT, '.stack', 'test-logs');

/**
 * The apps as real processes, built by `npm test` into dist/ (as `npm start` runs them), so a
 * suite can kill one with SIGKILL and start it again. Logs go to .stack/test-logs/<app>.log.
 */
export class System {
  private readonly procs = new Map<AppName, ChildProcess>();
  private ports = {} as Record<AppName, number>;

  constructor(private readonly env: NodeJS.ProcessEnv = {}) {}

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.gateway}/graphql`;
  }

  /** An app's HTTP root (/health, /metrics). */
  appUrl(app: AppName): string {
    return `http://127.0.0.1:${this.ports[app]}`;
  }

  get gatewayWsUrl(): string {
    return `ws://127.0.0.1:${this.ports.gateway}/graphql`;
  }

  async start(apps: AppName[] = ALL_APPS): Promise<void> {
    assertTestDatabase();
    mkdirSync(LOG_DIR, { recursive: true });
    // Ports of this system under test: free ones, clear of `npm start`'s 3000-3004 and of any
    // other system a parallel test run started.
    for (const app of ALL_APPS) this.ports[app] ??= await freePort();
    // On the local stack's broker each app connects as its own Kafka user, held to its ACLs as in
    // production; a system given a broker of its own (KAFKA_BROKERS) uses that broker's settings.
    if (!this.env.KAFKA_BROKERS) await provisionLocalKafka();
    for (const app of apps) this.spawn(app);
    await Promise.all(apps.map((app) => this.waitHealthy(app)));
  }

  private spawn(app: AppName): void {
    const log = createWriteStream(join(LOG_DIR, `${app}.log`), { flags: 'a' });
    const ports = Object.fromEntries(Object.entries(this.ports).map(([a, p]) => [`${a.toUpperCase()}_PORT`, String(p)]));
    const child = spawn(process.execPath, ['-r', 'tsconfig-paths/register', join('dist', 'apps', app, 'src', 'main.js')], {
      cwd: ROOT,
      env: { ...process.env, ...ports, TS_NODE_BASEURL: './dist', ...(this.env.KAFKA_BROKERS ? {} : appKafkaEnv(app)), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.procs.set(app, child);
  }

  private async waitHealthy(app: AppName): Promise<void> {
    const child = this.procs.get(app)!;
    await waitFor(`${app} to be healthy (log: .stack/test-logs/${app}.log)`, async () => {
      if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}`);
      const res = await fetch(`http://127.0.0.1:${this.ports[app]}/health`, { signal: AbortSignal.timeout(2000) });
      return res.ok;
    }, { timeoutMs: 90000, intervalMs: 250 });
  }

  /** Kills an app (SIGKILL by default: no shutdown hooks run) and waits until it is gone. */
  async kill(app: AppName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.procs.get(app);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await waitFor(`${app} to exit`, () => child.exitCode !== null || child.signalCode !== null, { timeoutMs: 30000 });
  }

  async restart(app: AppName): Promise<void> {
    await this.kill(app, 'SIGTERM');
    this.spawn(app);
    await this.waitHealthy(app);
  }

  async respawn(app: AppName): Promise<void> {
    this.spawn(app);
    await this.waitHealthy(app);
  }

  /** Stops every app cleanly (SIGTERM: Kafka consumers leave their groups). */
  async stop(): Promise<void> {
    await Promise.all([...this.procs.keys()].map((app) => this.kill(app, 'SIGTERM')));
  }
}
