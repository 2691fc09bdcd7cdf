import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client as Elasticsearch } from '@elastic/elasticsearch';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { loadConfig } from '@app/config';
import { EVENT_REGISTRY, OrderAwaitingPayment, OrderConfirmed, OrderCreated, ProductAdded, UserRegistered, type DomainEvent } from '@app/events';
import { encodeEnvelope, PRODUCER_CONFIG } from '@app/messaging';
import { AppModule } from '../../apps/consumers/src/app.module';
import { startConsumers } from '../../apps/consumers/src/consumers';
import type { RebuildState } from '../../apps/consumers/src/rebuild';
import { rebuildSearch } from '../../apps/consumers/src/search/rebuild';
import { ORDERS_ALIAS, PRODUCTS_ALIAS, USERS_ALIAS } from '../../apps/consumers/src/search/search-indices';
import { SEARCH } from '../../apps/consumers/src/search/search.consumer';
import { createStoreFixture, type StoreFixture } from '../support/event-store-fixture';
import { waitFor } from '../support/wait-for';

const config = loadConfig();
const run = randomUUID().slice(0, 8);
const metadata = { correlationId: randomUUID(), causationId: null, userId: null };

/**
 * The live search consumer (in process, its own groups) indexes what this suite appends to three
 * fresh stores and publishes, as the relays would; meanwhile rebuildSearch rebuilds from those
 * stores, a loop keeps searching the aliases, and new orders keep arriving.
 */
describe('search rebuild, blue/green', () => {
  let app: INestApplication;
  let es: Elasticsearch;
  let producer: Producer;
  let stores: Record<'users' | 'inventory' | 'orders', StoreFixture>;

  /** Appends to a store, then publishes the stored envelopes (with their positions and times). */
  const publish = async (fixture: StoreFixture, streamId: string, events: DomainEvent[]) => {
    await fixture.store.append(streamId, 0, events, { metadata });
    const stored = await fixture.store.readStream(streamId);
    const topic = EVENT_REGISTRY.latest(stored[0].type).topic;
    await producer.send({ topic, acks: -1, messages: stored.map(encodeEnvelope) });
  };
  const skus = [`sku-${run}-a`, `sku-${run}-b`];
  /** An order through to CONFIRMED, in one append (stream versions 1..3). */
  const confirmedOrder = async () => {
    const [orderId, userId] = [randomUUID(), randomUUID()];
    const lines = [{ sku: skus[0], quantity: 1 }];
    await publish(stores.orders, `order-${orderId}`, [
      new OrderCreated({ orderId, userId, lines }),
      new OrderAwaitingPayment({ orderId, lines: [{ ...lines[0], unitPriceCents: 500 }], totalCents: 500 }),
      new OrderConfirmed({ orderId, paymentId: randomUUID(), totalCents: 500 }),
    ]);
    return orderId;
  };
  /** The ids of `ids` that a search of `alias` finds (and, for orders, finds CONFIRMED with its product's name). */
  const found = async (alias: string, ids: string[]) => {
    const res = await es.search<{ status?: string; productNames?: string[] }>({ index: alias, query: { ids: { values: ids } }, size: ids.length });
    const ok = (s?: { status?: string; productNames?: string[] }) => alias !== ORDERS_ALIAS || (s?.status === 'CONFIRMED' && s.productNames?.[0] === `Kettle ${run}`);
    return new Set(res.hits.hits.filter((h) => ok(h._source)).map((h) => h._id!));
  };

  beforeAll(async () => {
    const [users, inventory, orders] = [await createStoreFixture(EVENT_REGISTRY, 4), await createStoreFixture(EVENT_REGISTRY, 4), await createStoreFixture(EVENT_REGISTRY, 8)];
    stores = { users, inventory, orders };
    producer = new Kafka({ clientId: `rebuild-e2e-${run}`, brokers: config.kafka.brokers, logLevel: logLevel.NOTHING }).producer(PRODUCER_CONFIG);
    await producer.connect();
    es = new Elasticsearch({ node: config.elasticsearchNode });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await startConsumers(app, { groupIdPrefix: `e2e-${run}.`, only: [SEARCH], server: { maxWaitTimeInMs: 500 } });
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    await es?.close();
    for (const s of Object.values(stores ?? {})) await s.close();
  });

  it('rebuilds every index while searches keep answering, and keeps what the live consumer wrote meanwhile', async () => {
    const userId = randomUUID();
    await publish(stores.users, `user-${userId}`, [new UserRegistered({ userId, email: `u-${run}@example.com`, name: 'Ada', role: 'CUSTOMER' })]);
    for (const [i, sku] of skus.entries()) await publish(stores.inventory, `product-${sku}`, [new ProductAdded({ sku, name: i ? `Teacup ${run}` : `Kettle ${run}`, priceCents: 500, initialStock: 9 })]);
    await waitFor('the products indexed', async () => (await found(PRODUCTS_ALIAS, skus)).size === 2);
    const seeded = [];
    for (let i = 0; i < 20; i++) seeded.push(await confirmedOrder());
    const expected: [string, string[]][] = [[USERS_ALIAS, [userId]], [PRODUCTS_ALIAS, skus], [ORDERS_ALIAS, seeded]];
    await waitFor('the seeded documents searchable', async () => (await Promise.all(expected.map(([a, ids]) => found(a, ids)))).every((s, i) => s.size === expected[i][1].length));
    const before = await es.indices.getAlias({ name: ORDERS_ALIAS });

    let done = false;
    const states: RebuildState[] = [];
    const failures: string[] = [];
    let answers = 0;
    // Every answer during the rebuild must hold every seeded document, complete: no error, no regression.
    const searching = (async () => {
      while (!done) {
        const results = await Promise.allSettled(expected.map(([alias, ids]) => found(alias, ids)));
        answers++;
        results.forEach((r, i) => {
          if (r.status === 'rejected') failures.push(`${expected[i][0]}: ${String(r.reason)}`);
          else if (r.value.size !== expected[i][1].length) failures.push(`${expected[i][0]}: ${r.value.size} of ${expected[i][1].length} during ${states.at(-1)}`);
        });
      }
    })();
    // New orders throughout, each once the live consumer has indexed the one before (paced by it).
    const during: { id: string; indexedIn?: RebuildState }[] = [];
    const writing = (async () => {
      while (!done) {
        const id = await confirmedOrder();
        during.push({ id });
        await waitFor(`order ${id} indexed live`, () => es.get({ index: ORDERS_ALIAS, id }).catch(() => false));
        during.at(-1)!.indexedIn = states.at(-1);
      }
    })();

    const result = await rebuildSearch({
      es,
      stores: { users: stores.users.store, inventory: stores.inventory.store, orders: stores.orders.store },
      batchSize: 10,
      onProgress: (p) => void (states.at(-1) !== p.state && states.push(p.state)),
    }).finally(() => (done = true));
    await Promise.all([searching, writing]);

    expect(failures).toEqual([]);
    expect(answers).toBeGreaterThan(3);
    expect(states).toEqual(['COPYING', 'CATCHING_UP', 'SWAPPING', 'CATCHING_UP', 'DONE']);
    expect(result.events).toBeGreaterThanOrEqual(3 + 20 * 3);
    // Written by the live consumer into an old index, while the rebuild was copying.
    expect(during.filter((d) => d.indexedIn === 'COPYING').length).toBeGreaterThan(0);
    const orders = result.indices.find((i) => i.alias === ORDERS_ALIAS)!;
    expect(orders.old).toBe(Object.keys(before)[0]);
    for (const { alias, old: gone, next } of result.indices) {
      expect(await es.indices.exists({ index: gone! })).toBe(false);
      expect(Object.keys(await es.indices.getAlias({ name: alias }))).toEqual([next]);
    }
    const all = [...seeded, ...during.map((d) => d.id)];
    await waitFor('every order, seeded or written during the rebuild, in the new index', async () => (await found(ORDERS_ALIAS, all)).size === all.length, { timeoutMs: 20_000 });
    const copied = await es.mget({ index: orders.next, ids: all });
    expect(copied.docs.every((d) => 'found' in d && d.found)).toBe(true);
  });
});
