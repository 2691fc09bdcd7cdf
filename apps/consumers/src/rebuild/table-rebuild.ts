import type { ClientBase, Pool, PoolClient } from 'pg';
import type { EventEnvelope } from '@app/events';
import { type EventStore, START } from '@app/event-store';
import { createSuccessors, dropRetired, dropSuccessors, lockLiveTables, successorOf, swapInSuccessors } from '@app/database';
import { countEvents, drainAll, MAX_CATCH_UP_ROUNDS, type RebuildProgress, type RebuildState } from './drain';

/** One batch of stored events applied to a read model's tables; flush resolves with the events it had to skip. */
export interface RebuildBatch {
  add(event: EventEnvelope): void;
  flush(db: ClientBase): Promise<number>;
}

/** A quoted, qualified table name: a successor's while copying, the live one's in the swap. */
export type TableName = (table: string) => string;

/** A PostgreSQL read model that rebuildTables can rebuild: its tables and how a batch of events writes them. */
export interface TableRebuildSpec {
  name: string;
  schema: string;
  /**
   * Every table it swaps, in the order every swap locks them: the order the live consumer's
   * transactions write them in, so that waiting on one of them cannot close a cycle.
   */
  tables: readonly string[];
  batch: (table: TableName) => RebuildBatch;
  /** Inside the swap, after the last pass: tables derived from the others (rollups), recomputed whole. */
  finish?: (db: ClientBase, table: TableName) => Promise<void>;
}

export interface TableRebuildOptions {
  /** Connections as the read model's owner (the consumers' role), which may also read the stores. */
  db: Pool;
  stores: readonly EventStore[];
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

export interface TableRebuildResult { events: number; skipped: number; seconds: number; eventsPerSecond: number; tables: string[] }

/** Attempts at the swap's locks: a live transaction holding one of the tables makes an attempt wait out LOCK_WAIT. */
const SWAP_ATTEMPTS = 5;
const LOCK_WAIT = '2s';
/** Lock not available within LOCK_WAIT, or a deadlock PostgreSQL broke by failing the swap: try again. */
const RETRYABLE = new Set(['55P03', '40P01']);

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
  const applyTo = (table: TableName) => async (events: EventEnvelope[]) => {
    const batch = spec.batch(table);
    for (const event of events) batch.add(event);
    skipped += await batch.flush(client);
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
    report('SWAPPING');
    const live = named((t) => t);
    await swap(client, spec, async () => {
      await drainAll(stores, checkpoints, batchSize, applyTo(live));
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

/**
 * The swap's transaction: lock, rename, `finish` (the last pass, into the tables now live), drop
 * the old. A lock that does not come within LOCK_WAIT (a live transaction holds a table) rolls
 * back and tries again, up to SWAP_ATTEMPTS: waiting longer would hold up every query queued
 * behind the swap's lock request.
 */
const swap = async (client: PoolClient, { schema, tables }: TableRebuildSpec, finish: () => Promise<void>): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
      await lockLiveTables(client, schema, tables);
      await swapInSuccessors(client, schema, tables);
      await finish();
      await dropRetired(client, schema, tables);
      await client.query('COMMIT');
      return;
    } catch (error) {
      await client.query('ROLLBACK');
      if (!RETRYABLE.has((error as { code?: string }).code ?? '') || attempt === SWAP_ATTEMPTS) throw error;
    }
  }
};
