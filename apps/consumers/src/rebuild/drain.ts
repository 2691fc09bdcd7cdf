import type { EventEnvelope } from '@app/events';
import type { Checkpoint, EventStore } from '@app/event-store';

export type RebuildState = 'COPYING' | 'CATCHING_UP' | 'SWAPPING' | 'DONE' | 'FAILED';
export interface RebuildProgress { processed: number; total: number; state: RebuildState }

/** Catch-up rounds before a swap; under heavy traffic the pass at the swap takes what is left. */
export const MAX_CATCH_UP_ROUNDS = 5;

/**
 * Applies one store's events past `from` until every transaction that had committed when it
 * started is delivered: then the reader's lower bound is past that moment's xmax (no id below it
 * is still running). A bound, not "until empty": under a steady stream of appends a pass ends.
 * Reads the next batch while one is written.
 *
 * Position tracking is the store's commit-safe Checkpoint (readAll), not a bare max(position): a
 * position is taken before commit, so "position > max at start" would skip an event whose
 * transaction committed late.
 */
export const drain = async (store: EventStore, from: Checkpoint, limit: number, apply: (events: EventEnvelope[]) => Promise<void>): Promise<Checkpoint> => {
  const { rows } = await store.pool.query('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax');
  const target = BigInt(rows[0].xmax);
  let batch = await store.readAll(from, limit);
  for (;;) {
    const last = batch.events.length === 0 || BigInt(batch.checkpoint.lowerXid) >= target;
    const next = last ? undefined : store.readAll(batch.checkpoint, limit);
    // If apply fails, this read's outcome is not wanted; do not let it become an unhandled rejection.
    next?.catch(() => undefined);
    if (batch.events.length > 0) await apply(batch.events);
    if (!next) return batch.checkpoint;
    batch = await next;
  }
};

/** Each store drained in turn from its checkpoint; the checkpoints reached. */
export const drainAll = async (stores: readonly EventStore[], from: readonly Checkpoint[], limit: number, apply: (events: EventEnvelope[]) => Promise<void>): Promise<Checkpoint[]> => {
  const to: Checkpoint[] = [];
  for (const [i, store] of stores.entries()) to.push(await drain(store, from[i], limit, apply));
  return to;
};

/** The events the stores hold now: a progress bar's total (events appended meanwhile raise it). */
export const countEvents = async (stores: readonly EventStore[]): Promise<number> => {
  let total = 0;
  for (const s of stores) total += Number((await s.pool.query(`SELECT count(*) AS n FROM "${s.schema}".events`)).rows[0].n);
  return total;
};
