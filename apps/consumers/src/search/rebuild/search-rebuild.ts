import type { Client } from '@elastic/elasticsearch';
import type { ElasticsearchService } from '@nestjs/elasticsearch';
import { NAMESPACE } from '@app/config';
import type { EventEnvelope } from '@app/events';
import { type Checkpoint, type EventStore, START } from '@app/event-store';
import { ProductNames } from '../product-names';
import { SearchRequests } from '../search-requests';
import { SEARCH_INDICES, ORDERS_ALIAS, PRODUCTS_ALIAS, USERS_ALIAS } from '../search-indices';
import { createSuccessors, dropOld, dropSuccessors, type IndexPlan, makeSearchable, swapAliases } from './index-swap';
import { laneOf, SearchBatch } from './search-batch';

export type RebuildState = 'COPYING' | 'CATCHING_UP' | 'SWAPPING' | 'DONE' | 'FAILED';
export interface RebuildProgress { processed: number; total: number; state: RebuildState }

/** The stores search documents come from. Inventory before orders: order documents need product names. */
export interface SearchStores { users: EventStore; inventory: EventStore; orders: EventStore }

export interface SearchRebuildOptions {
  es: Client;
  stores: SearchStores;
  batchSize?: number;
  /** Concurrent `_bulk` requests per batch; a stream always takes the same lane, so its events stay in order. */
  lanes?: number;
  /** After every batch and at each change of state (a job runner shows it in systemStatus). */
  onProgress?: (progress: RebuildProgress) => void;
}

/** `documents`: index writes, counting one rewritten by a catch-up pass again. */
export interface SearchRebuildResult { events: number; documents: number; seconds: number; eventsPerSecond: number; indices: { alias: string; old: string | null; next: string }[] }

/** Catch-up rounds before the swap; under heavy traffic the post-swap pass takes what is left. */
const MAX_ROUNDS = 5;

/**
 * Rebuilds every search index blue/green: copies the stores into new indices while the live
 * consumer keeps writing to the aliases (the old indices), catches up, swaps all aliases in one
 * atomic request, catches up once more, then drops the old indices. Queries always answer.
 *
 * Position tracking is the store's commit-safe Checkpoint (readAll), not a bare max(position):
 * a position is taken before commit, so "position > max at start" would skip an event whose
 * transaction committed late. The swap window: an event the live consumer wrote to an old index
 * just before the swap is in the store and was published by the relay, which reads the same
 * horizon, so the post-swap pass (from the checkpoints taken before the swap) sees it and writes
 * it into the new index; anything later the live consumer writes through the alias into the new
 * index. Both writers use the stream versions (and the field versions of orders), so an event
 * applied twice answers a harmless 409.
 */
export const rebuildSearch = async ({ es, stores, batchSize = 4000, lanes: lanesOf = 3, onProgress }: SearchRebuildOptions): Promise<SearchRebuildResult> => {
  const started = performance.now();
  const order = [stores.users, stores.inventory, stores.orders];
  const lock = await stores.orders.pool.connect();
  let plans: IndexPlan[] = [];
  let swapped = false;
  const progress = { processed: 0, total: 0, state: 'COPYING' as RebuildState };
  const report = (state = progress.state) => onProgress?.({ ...progress, total: Math.max(progress.total, progress.processed), state: (progress.state = state) });
  try {
    // One rebuild per namespace at a time: two would fight over the same `-v<N+1>` names.
    const key = `search-rebuild:${NAMESPACE}`;
    const { rows } = await lock.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [key]);
    if (!rows[0].ok) throw new Error(`a search rebuild is already running in ${NAMESPACE}`);
    for (const s of order) progress.total += Number((await s.pool.query(`SELECT count(*) AS n FROM "${s.schema}".events`)).rows[0].n);
    report();

    plans = await createSuccessors(es, SEARCH_INDICES);
    const next = Object.fromEntries(plans.map((p) => [p.alias, p.next]));
    const indices = { users: next[USERS_ALIAS], products: next[PRODUCTS_ALIAS], orders: next[ORDERS_ALIAS] };
    // The live classes, as plain objects: they only need an Elasticsearch client.
    const client = es as ElasticsearchService;
    // A SearchRequests per lane: one would gather the lanes' requests back into one.
    const lanes = Array.from({ length: lanesOf }, () => new SearchRequests(client));
    const names = new ProductNames(client);
    let documents = 0;
    const apply = async (events: EventEnvelope[]) => {
      const batches = lanes.map((requests) => new SearchBatch(indices, requests, names));
      for (const event of events) batches[laneOf(event.streamId, lanesOf)].add(event);
      documents += (await Promise.all(batches.map((b) => b.flush()))).reduce((a, b) => a + b, 0);
      progress.processed += events.length;
      report();
    };
    const pass = async (from: Checkpoint[]) => {
      const to: Checkpoint[] = [];
      for (const [i, store] of order.entries()) to.push(await drain(store, from[i], batchSize, apply));
      return to;
    };

    let checkpoints = await pass(order.map(() => START));
    report('CATCHING_UP');
    // Until a round finds little left (the live traffic of one short round), or MAX_ROUNDS.
    for (let round = 0, read = Infinity; round < MAX_ROUNDS && read > batchSize; round++) {
      const before = progress.processed;
      checkpoints = await pass(checkpoints);
      read = progress.processed - before;
    }
    report('SWAPPING');
    // The last read right before the swap: what the live consumer wrote to an old index since it
    // is then at most a relay-and-linger away, and the post-swap pass fills that in.
    await makeSearchable(es, plans);
    checkpoints = await pass(checkpoints);
    await swapAliases(es, plans);
    swapped = true;
    report('CATCHING_UP');
    await pass(checkpoints);
    await dropOld(es, plans);
    report('DONE');
    const [events, seconds] = [progress.processed, (performance.now() - started) / 1000];
    return { events, documents, seconds, eventsPerSecond: events / seconds, indices: plans.map(({ alias, old, next: n }) => ({ alias, old, next: n })) };
  } catch (error) {
    report('FAILED');
    // Before the swap nobody reads the new indices; after it they are the live ones and stay.
    if (!swapped) await dropSuccessors(es, plans).catch(() => undefined);
    throw error;
  } finally {
    // Ending the session releases its advisory lock too; unlocking first keeps the pooled session clean.
    await lock.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    lock.release();
  }
};

/**
 * Applies one store's events past `from` until every transaction that had committed when it
 * started is delivered: then the reader's lower bound is past that moment's xmax (no id below it
 * is still running). A bound, not "until empty": under a steady stream of appends a pass ends.
 * Reads the next batch while one is written.
 */
const drain = async (store: EventStore, from: Checkpoint, limit: number, apply: (events: EventEnvelope[]) => Promise<void>): Promise<Checkpoint> => {
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
