import type { Pool } from 'pg';
import type { EventEnvelope } from '@app/events';
import { type EventStore, START } from '@app/event-store';
import { createSuccessors, dropSuccessors, successorOf } from '@app/database';
import { countEvents, drainAll, MAX_CATCH_UP_ROUNDS, type RebuildProgress, type RebuildState } from './drain';
import { flushOrSkip } from './flush-or-skip';
import { swap } from './swap-transaction';
import type { TableName, TableRebuildSpec } from './table-rebuild-spec';

export type { RebuildBatch, TableName, TableRebuildSpec } from './table-rebuild-spec';

export interface TableRebuildOptions {
  /** Connections as the read model's owner (the consumers' role), which may also read the stores. */
  db: Pool;
  stores: readonly EventStore[];
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

export interface TableRebuildResult { events: number; skipped: number; seconds: number; eventsPerSecond: number; tables: string[] }

/**
 * Rebuilds a read model's tables blue/green: copies every store into successor tables while the
 * live consumer keeps writing the live ones, catches up, then in one transaction locks the live
 * tables, gives their names to the successors, applies what is left, recomputes derived tables,
 * and drops the old ones. Queries answer throughout: they read the live tables until the swap,
 * wait for its lock (milliseconds: the pass inside it only covers what arrived since the last
 * catch-up), then read the new tables, which hold everything the old ones did. The live
 * consumer's writes that wait on the lock land in the new tables; its guards make any event
 * applied twice a no-op.
 */
export const rebuildTables = async (spec: TableRebuildSpec, { db, stores, batchSize = 5000, onProgress }: TableRebuildOptions): Promise<TableRebuildResult> => {
  const started = performance.now();
  const client = await db.connect();
  const progress = { processed: 0, total: 0, state: 'COPYING' as RebuildState };
  const report = (state = progress.state) => onProgress?.({ ...progress, total: Math.max(progress.total, progress.processed), state: (progress.state = state) });
  let [skipped, swapped] = [0, false];
  const named = (name: (table: string) => string): TableName => (table) => `"${spec.schema}"."${name(table)}"`;
  /** Inside the swap the caller's transaction holds the batch; while copying, each batch is a transaction of its own. */
  const applyTo = (table: TableName, inTransaction = false) => async (events: EventEnvelope[]) => {
    if (!inTransaction) await client.query('BEGIN');
    try {
      skipped += await flushOrSkip(client, spec, table, events);
      if (!inTransaction) await client.query('COMMIT');
    } catch (error) {
      if (!inTransaction) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    progress.processed += events.length;
    report();
  };
  try {
    // One rebuild of a model per database at a time (advisory locks are per database).
    const { rows } = await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [`table-rebuild:${spec.schema}`]);
    if (!rows[0].ok) throw new Error(`a ${spec.name} rebuild is already running on this database`);
    progress.total = await countEvents(stores);
    report();
    await createSuccessors(client, spec.schema, spec.tables);
    const copy = applyTo(named(successorOf));
    let checkpoints = await drainAll(stores, stores.map(() => START), batchSize, copy);
    report('CATCHING_UP');
    for (let round = 0, read = Infinity; round < MAX_CATCH_UP_ROUNDS && read > batchSize; round++) {
      const before = progress.processed;
      checkpoints = await drainAll(stores, checkpoints, batchSize, copy);
      read = progress.processed - before;
    }
    // Fresh statistics before the successors take live queries (they were planned on while empty).
    for (const t of spec.tables) await client.query(`ANALYZE "${spec.schema}"."${successorOf(t)}"`);
    report('SWAPPING');
    const live = named((t) => t);
    const [processedBefore, skippedBefore] = [progress.processed, skipped];
    await swap(client, spec, async () => {
      // An attempt rolled back is counted again by the next one: count each once.
      [progress.processed, skipped] = [processedBefore, skippedBefore];
      await drainAll(stores, checkpoints, batchSize, applyTo(live, true));
      await spec.finish?.(client, live);
    });
    swapped = true;
    report('DONE');
    const [events, seconds] = [progress.processed, (performance.now() - started) / 1000];
    return { events, skipped, seconds, eventsPerSecond: events / seconds, tables: spec.tables.map((t) => `${spec.schema}.${t}`) };
  } catch (error) {
    report('FAILED');
    if (!swapped) await dropSuccessors(client, spec.schema, spec.tables).catch(() => undefined);
    throw error;
  } finally {
    await client.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    client.release();
  }
};
