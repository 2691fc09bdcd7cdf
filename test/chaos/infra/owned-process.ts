import { isAlive, readPid, spawnDetached, stopGroup, type DetachedOptions } from '../../../scripts/stack/proc';
import { waitFor } from '../../support/wait-for';

/**
 * One infrastructure process the chaos suite started itself (its own port, data and pid file),
 * so a fault can SIGKILL it without touching the stack everyone else in this checkout uses.
 * Started detached in its own process group: a kill takes its children (JVM launchers,
 * PostgreSQL backends) down with it, as a machine losing the service would.
 */
export class OwnedProcess {
  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly options: DetachedOptions,
  ) {}

  get pid(): number | undefined {
    return readPid(this.options.pidFile);
  }

  get logFile(): string {
    return this.options.logFile;
  }

  start(): number {
    if (this.pid) throw new Error(`${this.name} is already running (pid ${this.pid})`);
    return spawnDetached(this.command, this.args, this.options);
  }

  /** The fault: SIGKILL to the whole group, no shutdown of any kind; resolves once it is gone. */
  async kill(): Promise<void> {
    const pid = this.pid;
    if (!pid) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      process.kill(pid, 'SIGKILL');
    }
    await waitFor(`${this.name} (pid ${pid}) to die`, () => !isAlive(pid), { timeoutMs: 30000 });
  }

  /** A clean stop at the end of the run (SIGINT for PostgreSQL's fast shutdown). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', wholeGroup = true): Promise<void> {
    const pid = this.pid;
    if (pid) await stopGroup(pid, 20000, signal, wholeGroup);
  }
}
