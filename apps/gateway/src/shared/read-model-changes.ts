import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { Doorbell } from '@app/messaging';
import { READ_MODEL_CHANGES_CHANNEL } from '@app/read-model';

/**
 * Without a NOTIFY (the listener reconnecting, or a view without a trigger) a waiter still looks
 * again this often: the announcement makes waits short, never makes them correct.
 */
const FALLBACK_POLL_MS = 250;
const RECONNECT_MS = 1000;

/**
 * Read-your-writes without a polling timer: one LISTEN connection per gateway on the read
 * model's change channel (see AnnounceChanges), ringing whoever waits for that row.
 */
@Injectable()
export class ReadModelChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(ReadModelChanges.name);
  private readonly waiters = new Map<string, Set<Doorbell>>();
  private readonly observers: ((key: string | undefined) => void)[] = [];
  private client?: Client;
  private running = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    this.running = true;
    void this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.client?.end().catch(() => undefined);
  }

  /**
   * `probe`'s first non-null value, looking again each time `key` (see readModelChangeKey) is
   * announced; null once `timeoutMs` has passed.
   */
  async waitUntil<T>(key: string, probe: () => Promise<T | null | undefined>, timeoutMs: number): Promise<T | null> {
    const deadline = Date.now() + timeoutMs;
    const bell = new Doorbell();
    const set = this.waiters.get(key) ?? new Set();
    this.waiters.set(key, set.add(bell));
    try {
      for (;;) {
        // Cleared before looking: an announcement during the look makes the next wait return at once.
        bell.clear();
        const value = await probe();
        if (value !== null && value !== undefined) return value;
        const left = deadline - Date.now();
        if (left <= 0) return null;
        await bell.waitForRing(Math.min(FALLBACK_POLL_MS, left));
      }
    } finally {
      set.delete(bell);
      if (set.size === 0 && this.waiters.get(key) === set) this.waiters.delete(key);
    }
  }

  /**
   * Calls `observer` with each announced key, and with undefined whenever the listener has (re)connected:
   * changes made while it was not listening were not announced to anyone, so look at everything again.
   */
  observe(observer: (key: string | undefined) => void): void {
    this.observers.push(observer);
  }

  private async listen(): Promise<void> {
    while (this.running) {
      const client = new Client({ connectionString: this.config.databaseUrl });
      const lost = new Promise<void>((resolve) => {
        // `on`, not `once`: a second error before the client is ended must not go unheard (it would end the process).
        client.on('error', (error) => {
          this.log.warn(`change listener lost (${error.message}); waiters poll every ${FALLBACK_POLL_MS} ms until it is back`);
          resolve();
        });
        client.once('end', () => resolve());
      });
      client.on('notification', (n) => this.announced(n.payload));
      try {
        await client.connect();
        this.client = client;
        await client.query(`LISTEN "${READ_MODEL_CHANGES_CHANNEL}"`);
        // Whatever changed while we were not listening: everyone looks once more.
        for (const key of this.waiters.keys()) this.ring(key);
        for (const observer of this.observers) observer(undefined);
        await lost;
      } catch (error) {
        this.log.warn(`change listener could not connect: ${error instanceof Error ? error.message : String(error)}`);
      }
      await client.end().catch(() => undefined);
      if (this.running) await new Promise((r) => setTimeout(r, RECONNECT_MS));
    }
  }

  private announced(key: string | undefined): void {
    if (key === undefined) return;
    this.ring(key);
    for (const observer of this.observers) observer(key);
  }

  private ring(key: string): void {
    for (const bell of this.waiters.get(key) ?? []) bell.ring();
  }
}
