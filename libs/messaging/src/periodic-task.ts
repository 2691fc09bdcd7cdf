import type { Logger } from '@nestjs/common';
import { Doorbell } from './doorbell';

/**
 * A background round run every `intervalMs` (a deadline scan, a reconciliation, the mail
 * dispatch) until stopped; a round that answers true (more is waiting) runs again at once, and
 * `wake()` (a NOTIFY, say) cuts a sleep short. A round that throws is logged and the next one runs
 * on time: one failure must not end the loop. `stop()` wakes the loop and resolves once the round
 * in flight has finished, so a caller stopping it before its pools close (onModuleDestroy) never
 * cuts a round in half; a long round may look at `stopping` to hand back what it has not begun.
 */
export class PeriodicTask {
  private running = false;
  private stopRequested = false;
  private loop?: Promise<void>;
  private readonly bell = new Doorbell();

  constructor(
    private readonly what: string,
    private readonly intervalMs: number,
    private readonly round: () => Promise<boolean | void>,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** True once stop() was called. */
  get stopping(): boolean {
    return this.stopRequested;
  }

  wake(): void {
    this.bell.ring();
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    this.running = false;
    this.bell.ring();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.bell.clear();
      const more = await this.round().catch((err: unknown) => this.log.error(`${this.what} failed: ${err instanceof Error ? err.message : String(err)}`));
      if (this.running && more !== true) await this.bell.waitForRing(this.intervalMs);
    }
  }
}
