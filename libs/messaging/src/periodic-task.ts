import type { Logger } from '@nestjs/common';
import { Doorbell } from './doorbell';

/**
 * A background round run every `intervalMs` (a deadline scan, a reconciliation) until stopped.
 * A round that throws is logged and the next one runs on time: one failure must not end the loop.
 * `stop()` wakes the loop from its sleep and resolves once the round in flight has finished, so a
 * caller stopping it before its pools close (onModuleDestroy) never cuts a round in half.
 */
export class PeriodicTask {
  private running = false;
  private loop?: Promise<void>;
  private readonly bell = new Doorbell();

  constructor(
    private readonly what: string,
    private readonly intervalMs: number,
    private readonly round: () => Promise<void>,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.bell.ring();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.bell.clear();
      await this.round().catch((err: unknown) => this.log.error(`${this.what} failed: ${err instanceof Error ? err.message : String(err)}`));
      if (this.running) await this.bell.sleep(this.intervalMs);
    }
  }
}
