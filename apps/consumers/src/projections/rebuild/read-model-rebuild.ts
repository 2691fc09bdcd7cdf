import type { Pool, PoolClient } from 'pg';
import type { EventEnvelope } from '@app/events';
import { type Checkpoint, type EventStore, START } from '@app/event-store';
import { createSuccessors, dropRetired, dropSuccessors, lockLiveTables, successorOf, swapInSuccessors } from '@app/database';
import { READ_MODEL_SCHEMA } from '@app/read-model';
import { countEvents, drainAll, MAX_CATCH_UP_ROUNDS, type RebuildProgress, type RebuildState } from '../../rebuild/drain';
import { ReadModelBatch, type ReadModelTables } from './read-model-batch';

/** The tables the projections consumer keeps, in the order every swap locks them. product_view is not one (see ProductView). */
export const READ_MODEL_TABLES = ['event_log', 'order_view', 'payment_view', 'user_view'] as const;

/** Every store whose events the read model shows (the event log has them all). */
export interface ReadModelStores { users: EventStore; inventory: EventStore; orders: EventStore; payments: EventStore }

export interface ReadModelRebuildOptions {
  /** Connections as the read model's owner (the consumers' role), which may also read the stores. */
  db: Pool;
  stores: ReadModelStores;
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

export interface ReadModelRebuildResult { events: number; orphans: number; seconds: number; eventsPerSecond: number; tables: string[] }

/** Attempts at the swap's locks: a live transaction holding one of the tables makes an attempt wait out LOCK_WAIT. */
const SWAP_ATTEMPTS = 5;
const LOCK_WAIT = '2s';
const LOCK_NOT_AVAILABLE = '55P03';

const tablesNamed = (name: (table: string) => string): ReadModelTables => {
  const t = (table: string) => `"${READ_MODEL_SCHEMA}"."${name(table)}"`;
  return { eventLog: t('event_log'), orderView: t('order_view'), paymentView: t('payment_view'), userView: t('user_view') };
};

/**
 * Rebuilds the read model's tables blue/green: copies every store into successor tables while
 * the live projections keep writing the live ones, catches up, then in one transaction locks the
 * live tables, gives their names to the successors, applies what is left, and drops the old
 * ones. Queries answer throughout: they read the live tables until the swap, wait for its lock
 * (milliseconds: the pass inside it only covers what arrived since the last catch-up), then read
 * the new tables, which hold everything the old ones did. The live consumer's writes that wait on
 * the lock land in the new tables; the guards make any event applied twice a no-op.
 */
export const rebuildReadModel = async ({ db, stores, batchSize = 5000, onProgress }: ReadModelRebuildOptions): Promise<ReadModelRebuildResult> => {
  const started = performance.now();
  const order = [stores.users, stores.inventory, stores.orders, stores.payments];
  const client = await db.connect();
  const progress = { processed: 0, total: 0, state: 'COPYING' as RebuildState };
  const report = (state = progress.state) => onProgress?.({ ...progress, total: Math.max(progress.total, progress.processed), state: (progress.state = state) });
  let [orphans, swapped] = [0, false];
  const applyTo = (tables: ReadModelTables) => async (events: EventEnvelope[]) => {
    const batch = new ReadModelBatch(tables);
    for (const event of events) batch.add(event);
    orphans += await batch.flush(client);
    progress.processed += events.length;
    report();
  };
  try {
    // One rebuild per database at a time: the read model's schema is shared by its namespaces.
    const { rows } = await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [`read-model-rebuild:${READ_MODEL_SCHEMA}`]);
    if (!rows[0].ok) throw new Error('a read-model rebuild is already running on this database');
    progress.total = await countEvents(order);
    report();
    await createSuccessors(client, READ_MODEL_SCHEMA, READ_MODEL_TABLES);
    const copy = applyTo(tablesNamed(successorOf));
    let checkpoints = await drainAll(order, order.map(() => START), batchSize, copy);
    report('CATCHING_UP');
    for (let round = 0, read = Infinity; round < MAX_CATCH_UP_ROUNDS && read > batchSize; round++) {
      const before = progress.processed;
      checkpoints = await drainAll(order, checkpoints, batchSize, copy);
      read = progress.processed - before;
    }
    report('SWAPPING');
    const live = applyTo(tablesNamed((t) => t));
    await swap(client, async () => void (await drainAll(order, checkpoints, batchSize, live)));
    swapped = true;
    report('DONE');
    const [events, seconds] = [progress.processed, (performance.now() - started) / 1000];
    return { events, orphans, seconds, eventsPerSecond: events / seconds, tables: READ_MODEL_TABLES.map((t) => `${READ_MODEL_SCHEMA}.${t}`) };
  } catch (error) {
    report('FAILED');
    if (!swapped) await dropSuccessors(client, READ_MODEL_SCHEMA, READ_MODEL_TABLES).catch(() => undefined);
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
const swap = async (client: PoolClient, finish: () => Promise<void>): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
      await lockLiveTables(client, READ_MODEL_SCHEMA, READ_MODEL_TABLES);
      await swapInSuccessors(client, READ_MODEL_SCHEMA, READ_MODEL_TABLES);
      await finish();
      await dropRetired(client, READ_MODEL_SCHEMA, READ_MODEL_TABLES);
      await client.query('COMMIT');
      return;
    } catch (error) {
      await client.query('ROLLBACK');
      if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE || attempt === SWAP_ATTEMPTS) throw error;
    }
  }
};
