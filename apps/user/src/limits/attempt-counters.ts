import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventStore } from '@app/event-store';
import { USER_SCHEMA as S } from '../schema';

// The start of the fixed window of `$2` ms that now() falls in.
const WINDOW = `to_timestamp(floor(extract(epoch FROM now()) * 1000 / $2) * $2 / 1000.0)`;
const SWEEP_MS = 10 * 60 * 1000;

/**
 * Counters of attempts per bucket (e.g. `login-fail-address:203.0.113.9`) in fixed windows, in
 * PostgreSQL: every replica of every gateway counts into the same rows. Windows older than a day
 * are swept away.
 */
@Injectable()
export class AttemptCounters implements OnApplicationBootstrap, OnApplicationShutdown {
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly store: EventStore) {}

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  /** Attempts counted in `bucket` in the current window of `windowMs`. */
  async count(bucket: string, windowMs: number): Promise<number> {
    const res = await this.store.pool.query<{ hits: number }>(`SELECT hits FROM "${S}".attempt_counters WHERE bucket = $1 AND window_start = ${WINDOW}`, [bucket, windowMs]);
    return res.rows[0]?.hits ?? 0;
  }

  /** Counts one attempt; returns the window's count with it. */
  async hit(bucket: string, windowMs: number): Promise<number> {
    const res = await this.store.pool.query<{ hits: number }>(
      `INSERT INTO "${S}".attempt_counters (bucket, window_start, hits) VALUES ($1, ${WINDOW}, 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = attempt_counters.hits + 1 RETURNING hits`,
      [bucket, windowMs],
    );
    return res.rows[0].hits;
  }

  private async sweep(): Promise<void> {
    await this.store.pool.query(`DELETE FROM "${S}".attempt_counters WHERE window_start < now() - interval '1 day'`);
  }
}
