import type { Client } from '@elastic/elasticsearch';
import type { ElasticsearchService } from '@nestjs/elasticsearch';
import { NAMESPACE } from '@app/config';
import type { EventEnvelope } from '@app/events';
import { type Checkpoint, type EventStore, START } from '@app/event-store';
import { countEvents, drainAll, MAX_CATCH_UP_ROUNDS, type RebuildProgress, type RebuildState } from '../../rebuild/drain';
import { ProductNames } from '../product-names';
import { SearchRequests } from '../search-requests';
import { SEARCH_INDICES, ORDERS_ALIAS, PRODUCTS_ALIAS, USERS_ALIAS } from '../search-indices';
import { createSuccessors, dropOld, dropSuccessors, type IndexPlan, makeSearchable, swapAliases } from './index-swap';
import { laneOf, SearchBatch } from './search-batch';


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


/**
 * Rebuilds every search index blue/green: copies the stores into new indices while the live
 * consumer keeps writing to the aliases (the old indices), catches up, swaps all aliases in one
 * atomic request, catches up once more, then drops the old indices. Queries always answer.
 *
 * Positions are the stores' commit-safe Checkpoints (see drain). The swap window: an event the live consumer wrote to an old index
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
    progress.total = await countEvents(order);
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
    const pass = (from: Checkpoint[]) => drainAll(order, from, batchSize, apply);

    let checkpoints = await pass(order.map(() => START));
    report('CATCHING_UP');
    // Until a round finds little left (the live traffic of one short round), or MAX_CATCH_UP_ROUNDS.
    for (let round = 0, read = Infinity; round < MAX_CATCH_UP_ROUNDS && read > batchSize; round++) {
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
