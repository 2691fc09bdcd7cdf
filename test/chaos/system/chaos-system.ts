import { mkdirSync } from 'node:fs';
import { ALL_APPS, type AppName } from '../../support/system';
import { assertTestDatabase } from '../../support/test-env';
import { freePort } from '../../support/free-port';
import { AppReplica, type ReplicaLaunch } from './app-replica';

/**
 * The five apps as real processes from the compiled build, with replicas (F9), kills (F2) and
 * per-app settings (F10). Like the `restart: on-failure` of docker-compose.yml, a replica that
 * dies without being told to is started again; every such crash is kept for the report.
 */
export class ChaosSystem {
  private readonly replicas = new Map<AppName, AppReplica[]>();
  private readonly overrides = new Map<AppName, Record<string, string>>();
  private readonly ports = new Map<AppName, number>();
  private nextIndex = 0;
  private stopped = false;
  readonly crashes: string[] = [];

  constructor(
    private readonly launch: ReplicaLaunch,
    private readonly log: (line: string) => void,
  ) {
    mkdirSync(launch.logDir, { recursive: true });
  }

  /** Replica 0 of the gateway keeps its port across restarts: the traffic talks to it. */
  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.get('gateway')}/graphql`;
  }

  /** Every live gateway replica, replica 0 first. */
  get gatewayUrls(): string[] {
    return this.of('gateway').map((r) => `http://127.0.0.1:${r.port}/graphql`);
  }

  async start(apps: readonly AppName[] = ALL_APPS): Promise<void> {
    assertTestDatabase(this.launch.env.DATABASE_URL ?? process.env.DATABASE_URL);
    for (const app of apps) this.ports.set(app, await freePort());
    await Promise.all(apps.map((app) => this.add(app, this.ports.get(app)!)));
  }

  count(app: AppName): number {
    return this.of(app).length;
  }

  /** Adds replicas (each healthy before this resolves) or stops some with SIGTERM. */
  async scaleTo(app: AppName, n: number): Promise<void> {
    while (this.count(app) < n) await this.add(app, await freePort());
    while (this.count(app) > n) {
      // The oldest goes, so its partitions, relay leadership and deadlines move to the newcomer;
      // for the gateway the newest, since the traffic talks to replica 0.
      const list = this.of(app);
      const victim = app === 'gateway' ? list[list.length - 1] : list[0];
      await this.remove(victim, 'SIGTERM');
    }
  }

  /** Every replica of `app` ends with `signal` (SIGKILL: no shutdown hook runs); none is restarted. */
  async kill(app: AppName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await Promise.all(this.of(app).map((r) => this.remove(r, signal)));
  }

  /** One replica again, on the app's first port, once the fault is over. */
  async respawn(app: AppName): Promise<void> {
    await this.add(app, this.ports.get(app)!);
  }

  /** The app again with extra settings (`{}` drops them), one replica, healthy. */
  async reconfigure(app: AppName, env: Record<string, string>): Promise<void> {
    await Promise.all(this.of(app).map((r) => this.remove(r, 'SIGTERM')));
    this.overrides.set(app, env);
    await this.add(app, this.ports.get(app)!);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.replicas.values()].flat().map((r) => r.end('SIGTERM', 20000)));
  }

  private of(app: AppName): AppReplica[] {
    return this.replicas.get(app) ?? [];
  }

  private spawn(app: AppName, port: number): AppReplica {
    const replica = new AppReplica(app, this.nextIndex++, port, { ...this.launch, env: { ...this.launch.env, ...this.overrides.get(app) } });
    this.replicas.set(app, [...this.of(app), replica]);
    void replica.exited.then(() => this.onExit(replica));
    return replica;
  }

  private async add(app: AppName, port: number): Promise<void> {
    await this.spawn(app, port).healthy();
  }

  private async remove(replica: AppReplica, signal: NodeJS.Signals): Promise<void> {
    await replica.end(signal);
    this.replicas.set(replica.app, this.of(replica.app).filter((r) => r !== replica));
  }

  private onExit(replica: AppReplica): void {
    if (replica.stopping || this.stopped) return;
    const how = replica.child.exitCode ?? replica.child.signalCode;
    this.crashes.push(`${replica.name} exited (${how})`);
    this.log(`${replica.name} exited on its own (${how}); starting it again (see its log)`);
    this.replicas.set(replica.app, this.of(replica.app).filter((r) => r !== replica));
    // No wait for health: the dependency that made it crash may still be down.
    setTimeout(() => !this.stopped && this.spawn(replica.app, replica.port), 1000);
  }
}
