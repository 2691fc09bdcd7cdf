import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client as Elasticsearch } from '@elastic/elasticsearch';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { loadConfig } from '@app/config';
import { deadLetterTopic, OrderAwaitingPayment, OrderConfirmed, OrderCreated, ProductAdded, TOPICS, type EventEnvelope, type TopicName } from '@app/events';
import { encodeEnvelope, PRODUCER_CONFIG } from '@app/messaging';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { AppModule } from '../src/app.module';
import { startConsumers } from '../src/consumers';
import type { OrderDocument } from '../src/search/orders-index.mapping';
import type { ProductDocument } from '../src/search/products-index.mapping';
import { ORDERS_ALIAS, PRODUCTS_ALIAS } from '../src/search/search-indices';
import { SEARCH } from '../src/search/search.consumer';
import { envelopeOf } from './support/envelope.fixture';

assertTestDatabase();

const config = loadConfig();
const run = randomUUID().slice(0, 8);
const groupIdPrefix = `e2e-${run}.`;
const T0 = new Date('2032-03-04T05:06:07.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const productAdded = (sku: string, name: string, priceCents: number) =>
  envelopeOf(ProductAdded, { sku, name, priceCents, initialStock: 5 }, { aggregateId: sku, streamVersion: 1, occurredAt: at(0) });

describe('the search consumer indexing products and orders', () => {
  let app: INestApplication;
  let es: Elasticsearch;
  let producer: Producer;
  let admin: Admin;

  const produce = async (topic: TopicName, envelope: EventEnvelope, partition?: number): Promise<number> => {
    const [meta] = await producer.send({ topic, acks: -1, messages: [{ ...encodeEnvelope(envelope), partition }] });
    return meta.partition;
  };
  const get = <T>(index: string, id: string) => es.get<T>({ index, id }).catch(() => undefined);
  const order = (id: string) => get<OrderDocument>(ORDERS_ALIAS, id);
  const orderIn = (id: string, status: string) => waitFor(`order ${id} indexed as ${status}`, async () => {
    const doc = await order(id);
    return doc?._source?.status === status && doc;
  });

  /** Two products (one name word is unique to this run) and one order of both, at stream version 1..3. */
  const fixture = () => {
    const skus = [`sku-${run}-${randomUUID().slice(0, 4)}-a`, `sku-${run}-${randomUUID().slice(0, 4)}-b`];
    const [orderId, userId] = [randomUUID(), randomUUID()];
    const lines = [{ sku: skus[0], quantity: 2 }, { sku: skus[1], quantity: 1 }];
    const priced = [{ ...lines[0], unitPriceCents: 1250 }, { ...lines[1], unitPriceCents: 999 }];
    const stream = { aggregateId: orderId };
    return {
      skus,
      orderId,
      userId,
      products: [productAdded(skus[0], `Kettle k${run}`, 1250), productAdded(skus[1], `Teacup t${run}`, 999)],
      created: envelopeOf(OrderCreated, { orderId, userId, lines }, { ...stream, streamVersion: 1, occurredAt: at(1) }),
      awaiting: (totalCents = 3499) => envelopeOf(OrderAwaitingPayment, { orderId, lines: priced, totalCents }, { ...stream, streamVersion: 2, occurredAt: at(2) }),
      confirmed: envelopeOf(OrderConfirmed, { orderId, paymentId: randomUUID(), totalCents: 3499 }, { ...stream, streamVersion: 3, occurredAt: at(3) }),
    };
  };

  /** Once a later order on `partition` is indexed, everything sent to it before has been handled. */
  const drain = async (partition: number) => {
    const sentinel = fixture();
    await produce(TOPICS.orders, sentinel.created, partition);
    await waitFor('the sentinel order', () => order(sentinel.orderId));
  };

  beforeAll(async () => {
    const kafka = new Kafka({ clientId: `search-e2e-${run}`, brokers: config.kafka.brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer(PRODUCER_CONFIG);
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    es = new Elasticsearch({ node: config.elasticsearchNode });

    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    // Only the search consumer, in groups of this run; a short fetch wait for a quick close.
    await startConsumers(app, { groupIdPrefix, only: [SEARCH], server: { maxWaitTimeInMs: 500 } });
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    if (admin) {
      const group = `${groupIdPrefix}${SEARCH.groupId}`;
      await admin.deleteGroups([group]).catch(() => undefined);
      await admin.deleteTopics({ topics: [deadLetterTopic(group)] }).catch(() => undefined);
      await admin.disconnect();
    }
    await es?.close();
  });

  it('indexes a product by sku with its name and price', async () => {
    const { products, skus } = fixture();
    await produce(TOPICS.inventory, products[0]);

    const doc = await waitFor('the product document', () => get<ProductDocument>(PRODUCTS_ALIAS, skus[0]));
    expect(doc).toMatchObject({ _version: 1, _source: { sku: skus[0], name: `Kettle k${run}`, priceCents: 1250 } });
  });

  it('indexes an order with its product names and follows it through its statuses', async () => {
    const f = fixture();
    for (const p of f.products) await produce(TOPICS.inventory, p);
    await waitFor('both products', async () => (await get(PRODUCTS_ALIAS, f.skus[0])) && get(PRODUCTS_ALIAS, f.skus[1]));

    await produce(TOPICS.orders, f.created);
    const pending = await orderIn(f.orderId, 'PENDING');
    expect(pending._version).toBe(1);
    expect(pending._source).toEqual({
      orderId: f.orderId,
      userId: f.userId,
      status: 'PENDING',
      skus: f.skus,
      productNames: [`Kettle k${run}`, `Teacup t${run}`],
      totalCents: null,
      cancellationReason: null,
      createdAt: at(1).toISOString(),
      updatedAt: at(1).toISOString(),
      fieldVersions: { userId: 1, status: 1, skus: 1, createdAt: 1 },
    });

    await produce(TOPICS.orders, f.awaiting());
    expect((await orderIn(f.orderId, 'AWAITING_PAYMENT'))._source).toMatchObject({ totalCents: 3499, userId: f.userId });
    await produce(TOPICS.orders, f.confirmed);
    const confirmed = await orderIn(f.orderId, 'CONFIRMED');
    expect(confirmed).toMatchObject({ _version: 3, _source: { totalCents: 3499, productNames: [`Kettle k${run}`, `Teacup t${run}`], updatedAt: at(3).toISOString() } });

    const hits = await waitFor('the order to be searchable by a product word', async () => {
      const res = await es.search({ index: ORDERS_ALIAS, query: { match: { productNames: `t${run}` } } });
      return res.hits.hits.length > 0 && res.hits.hits;
    });
    expect(hits.map((h) => h._id)).toEqual([f.orderId]);
  });

  it('fills in an older event redriven after a newer one without undoing it, and changes nothing for the same event twice', async () => {
    const f = fixture();
    for (const p of f.products) await produce(TOPICS.inventory, p);
    const partition = await produce(TOPICS.orders, f.created);
    await produce(TOPICS.orders, f.confirmed, partition);
    await orderIn(f.orderId, 'CONFIRMED');

    // Version 2 (as if redriven from the dead-letter topic) after version 3: only what no newer
    // event set is taken from it.
    await produce(TOPICS.orders, f.awaiting(1), partition);
    await drain(partition);
    const filled = await order(f.orderId);
    expect(filled).toMatchObject({ _version: 3, _source: { status: 'CONFIRMED', totalCents: 3499, fieldVersions: { skus: 2, status: 3, totalCents: 3 } } });

    // The newest event again, byte for byte, and the older one again: no write at all.
    await produce(TOPICS.orders, f.confirmed, partition);
    await produce(TOPICS.orders, f.awaiting(1), partition);
    await drain(partition);
    expect(await order(f.orderId)).toMatchObject({ _version: 3, _seq_no: filled!._seq_no, _source: filled!._source });
  });

  it('fills in an OrderCreated that arrives after a later event of its order (written unread, found by its 409), and ignores it twice', async () => {
    const f = fixture();
    for (const p of f.products) await produce(TOPICS.inventory, p);
    const partition = await produce(TOPICS.orders, f.confirmed);
    await orderIn(f.orderId, 'CONFIRMED');

    await produce(TOPICS.orders, f.created, partition);
    await drain(partition);
    const filled = await order(f.orderId);
    expect(filled).toMatchObject({
      _version: 3,
      _source: { status: 'CONFIRMED', userId: f.userId, skus: f.skus, productNames: [`Kettle k${run}`, `Teacup t${run}`], createdAt: at(1).toISOString() },
    });

    await produce(TOPICS.orders, f.created, partition);
    await drain(partition);
    expect(await order(f.orderId)).toMatchObject({ _version: 3, _seq_no: filled!._seq_no, _source: filled!._source });
  });
});
