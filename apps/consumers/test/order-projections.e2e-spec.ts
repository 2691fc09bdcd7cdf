import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import {
  deadLetterTopic,
  OrderAwaitingPayment,
  OrderCancelled,
  OrderConfirmed,
  OrderCreated,
  PaymentFailed,
  PaymentProcessed,
  ProductAdded,
  TOPICS,
  type EventEnvelope,
  type TopicName,
} from '@app/events';
import { encodeEnvelope, listDeadLetters, PRODUCER_CONFIG } from '@app/messaging';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { AppModule } from '../src/app.module';
import { startConsumers } from '../src/consumers';
import { PROJECTIONS } from '../src/projections/projections.consumer';
import { envelopeOf } from './support/envelope.fixture';
import { userRegistered } from './support/user-registered.fixture';

assertTestDatabase();

const config = loadConfig();
const run = randomUUID().slice(0, 8);
const groupIdPrefix = `e2e-${run}.`;
const T0 = new Date('2031-05-06T07:08:09.123Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const LINES = [
  { sku: `sku-${run}-a`, quantity: 2 },
  { sku: `sku-${run}-b`, quantity: 1 },
];
const PRICED = [
  { ...LINES[0], unitPriceCents: 1250 },
  { ...LINES[1], unitPriceCents: 999 },
];
const TOTAL = 2 * 1250 + 999;

/** One order's stream, event by event, as the order service would publish it. */
const orderStream = (orderId = randomUUID(), userId = randomUUID()) => ({
  orderId,
  userId,
  created: envelopeOf(OrderCreated, { orderId, userId, lines: LINES }, { aggregateId: orderId, streamVersion: 1, occurredAt: at(0) }),
  awaitingPayment: envelopeOf(OrderAwaitingPayment, { orderId, lines: PRICED, totalCents: TOTAL }, { aggregateId: orderId, streamVersion: 2, occurredAt: at(1) }),
  confirmed: envelopeOf(OrderConfirmed, { orderId, paymentId: randomUUID(), totalCents: TOTAL }, { aggregateId: orderId, streamVersion: 3, occurredAt: at(2) }),
  cancelled: (streamVersion: number, occurredAt: Date) =>
    envelopeOf(OrderCancelled, { orderId, reason: 'OUT_OF_STOCK', detail: 'sku-a: 0 left' }, { aggregateId: orderId, streamVersion, occurredAt }),
});

describe('the projections consumer on orders, payments and the event log', () => {
  let app: INestApplication;
  let db: DataSource;
  let kafka: Kafka;
  let producer: Producer;
  let admin: Admin;
  const produced: { topic: TopicName; envelope: EventEnvelope }[] = [];

  /** Sends to the real topic (shared: every query below filters by this test's ids); key = aggregate id. */
  const send = async (topic: TopicName, envelope: EventEnvelope): Promise<void> => {
    await producer.send({ topic, acks: -1, messages: [encodeEnvelope(envelope)] });
  };
  /** Sends an event that must end up in the event log (checked by the last test). */
  const produce = async (topic: TopicName, envelope: EventEnvelope): Promise<void> => {
    await send(topic, envelope);
    produced.push({ topic, envelope });
  };
  const orderView = async (id: string) =>
    (
      await db.query(
        `SELECT id, user_id, status, lines, total_cents, cancellation_reason, created_at, updated_at, version FROM read_model.order_view WHERE id = $1`,
        [id],
      )
    )[0];
  const paymentView = async (id: string) =>
    (await db.query(`SELECT id, order_id, amount_cents, status, failure_reason, processed_at, version FROM read_model.payment_view WHERE id = $1`, [id]))[0];
  const logged = (eventIds: string[]) =>
    db.query(
      `SELECT event_id, stream_id, version, position, type, schema_version, payload, metadata, recorded_at FROM read_model.event_log WHERE event_id = ANY($1::uuid[])`,
      [eventIds],
    );
  const allLogged = async (eventIds: string[]) => (await logged(eventIds)).length === eventIds.length;

  beforeAll(async () => {
    kafka = new Kafka({ clientId: `projections-e2e-${run}`, brokers: config.kafka.brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer(PRODUCER_CONFIG);
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);

    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    // Only the projections: the other consumers (inventory reserving stock for these made-up
    // orders, welcome mails) would act on the test's events. A short fetch wait only so that
    // closing does not wait out kafkajs' 5 s long poll.
    await startConsumers(app, { groupIdPrefix, only: [PROJECTIONS], server: { maxWaitTimeInMs: 500 } });
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    if (admin) {
      const groups = [`${groupIdPrefix}${PROJECTIONS.groupId}`];
      await admin.deleteGroups(groups).catch(() => undefined);
      await admin.deleteTopics({ topics: groups.map(deadLetterTopic) }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('projects an order as PENDING, then AWAITING_PAYMENT with prices, then CONFIRMED', async () => {
    const order = orderStream();

    await produce(TOPICS.orders, order.created);
    expect(await waitFor('the PENDING order', () => orderView(order.orderId))).toEqual({
      id: order.orderId,
      user_id: order.userId,
      status: 'PENDING',
      lines: LINES.map((l) => ({ ...l, unitPriceCents: null })),
      total_cents: null,
      cancellation_reason: null,
      created_at: at(0),
      updated_at: at(0),
      version: 1,
    });

    await produce(TOPICS.orders, order.awaitingPayment);
    expect(await waitFor('the priced order', async () => (await orderView(order.orderId))?.version === 2 && orderView(order.orderId))).toMatchObject({
      status: 'AWAITING_PAYMENT',
      lines: PRICED,
      total_cents: TOTAL,
      created_at: at(0),
      updated_at: at(1),
    });

    await produce(TOPICS.orders, order.confirmed);
    expect(await waitFor('the confirmed order', async () => (await orderView(order.orderId))?.version === 3 && orderView(order.orderId))).toMatchObject({
      status: 'CONFIRMED',
      lines: PRICED,
      total_cents: TOTAL,
      cancellation_reason: null,
      created_at: at(0),
      updated_at: at(2),
    });
  });

  it('projects a cancelled order with its reason', async () => {
    const order = orderStream();

    await produce(TOPICS.orders, order.created);
    await produce(TOPICS.orders, order.cancelled(2, at(5)));

    expect(await waitFor('the cancelled order', async () => (await orderView(order.orderId))?.version === 2 && orderView(order.orderId))).toMatchObject({
      status: 'CANCELLED',
      cancellation_reason: 'OUT_OF_STOCK',
      lines: LINES.map((l) => ({ ...l, unitPriceCents: null })),
      total_cents: null,
      updated_at: at(5),
    });
  });

  it('changes nothing for a duplicate, nor for an applied older event delivered again under a new id', async () => {
    const order = orderStream();
    for (const e of [order.created, order.awaitingPayment, order.confirmed]) await produce(TOPICS.orders, e);
    const confirmed = await waitFor('the confirmed order', async () => (await orderView(order.orderId))?.version === 3 && orderView(order.orderId));

    // Same key, so same partition and in this order: once the republished event is in the event
    // log, the duplicate before it has been dealt with too.
    await produce(TOPICS.orders, order.awaitingPayment);
    const republished = { ...order.awaitingPayment, eventId: randomUUID(), occurredAt: at(9).toISOString() };
    await produce(TOPICS.orders, republished);
    await waitFor('the republished event in the event log', () => allLogged([republished.eventId]));

    expect(await orderView(order.orderId)).toEqual(confirmed);
    expect(await logged([order.awaitingPayment.eventId])).toHaveLength(1);
  });

  it('fills in what only an older event sets when it is redriven after a newer one, and undoes nothing newer', async () => {
    const order = orderStream();
    // OrderAwaitingPayment missing (as if dead-lettered): the confirmation lands on unpriced lines.
    for (const e of [order.created, order.confirmed]) await produce(TOPICS.orders, e);
    await waitFor('the confirmed order', async () => (await orderView(order.orderId))?.version === 3);
    expect((await orderView(order.orderId)).lines).toEqual(LINES.map((l) => ({ ...l, unitPriceCents: null })));

    await produce(TOPICS.orders, order.awaitingPayment);
    await waitFor('the redriven event in the event log', () => allLogged([order.awaitingPayment.eventId]));

    expect(await orderView(order.orderId)).toMatchObject({ status: 'CONFIRMED', lines: PRICED, total_cents: TOTAL, updated_at: at(2), version: 3 });
  });

  it('dead-letters a later order event whose order the view never got, and logs nothing of it', async () => {
    const orphan = orderStream().confirmed;

    await send(TOPICS.orders, orphan);

    const groupId = `${groupIdPrefix}${PROJECTIONS.groupId}`;
    const [entry] = await waitFor('the dead letter', async () => {
      const found = (await listDeadLetters({ brokers: config.kafka.brokers, groupId })).filter((d) => d.envelope?.eventId === orphan.eventId);
      return found.length > 0 && found;
    });
    expect(entry.error.code).toBe('ORDER_VIEW_MISSING');
    expect(await logged([orphan.eventId])).toEqual([]);
  });

  it('projects processed and failed payments, keeping the provider message out of the view', async () => {
    const [paid, declined] = [orderStream(), orderStream()];
    // A payment's stream is `payment-<paymentId>`, keyed by the payment id.
    const [paidId, declinedId] = [randomUUID(), randomUUID()];
    const processed = envelopeOf(PaymentProcessed, { paymentId: paidId, orderId: paid.orderId, amountCents: TOTAL }, { aggregateId: paidId, streamVersion: 1, occurredAt: at(3) });
    const failed = envelopeOf(
      PaymentFailed,
      { paymentId: declinedId, orderId: declined.orderId, amountCents: 500, reason: 'DECLINED', message: 'issuer says: do not honour' },
      { aggregateId: declinedId, streamVersion: 1, occurredAt: at(4) },
    );

    await produce(TOPICS.payments, processed);
    await produce(TOPICS.payments, failed);

    expect(await waitFor('the processed payment', () => paymentView(paidId))).toEqual({
      id: paidId,
      order_id: paid.orderId,
      amount_cents: TOTAL,
      status: 'PROCESSED',
      failure_reason: null,
      processed_at: at(3),
      version: 1,
    });
    expect(await waitFor('the failed payment', () => paymentView(declinedId))).toEqual({
      id: declinedId,
      order_id: declined.orderId,
      amount_cents: 500,
      status: 'FAILED',
      failure_reason: 'DECLINED',
      processed_at: at(4),
      version: 1,
    });
  });

  it('logs every event of the four topics once, with its payload and metadata', async () => {
    const user = userRegistered();
    const sku = `sku-${run}-log`;
    const product = envelopeOf(ProductAdded, { sku, name: 'Log test', priceCents: 100, initialStock: 3 }, { aggregateId: sku, streamVersion: 1, occurredAt: at(6) });
    await produce(TOPICS.users, user.envelope);
    await produce(TOPICS.inventory, product);

    const ids = [...new Set(produced.map((p) => p.envelope.eventId))];
    await waitFor('every event in the event log', () => allLogged(ids));

    const rows = await logged(ids);
    // The event log covers the four business contexts (notifications are not part of it).
    expect(new Set(produced.map((p) => p.topic))).toEqual(new Set([TOPICS.users, TOPICS.orders, TOPICS.payments, TOPICS.inventory]));
    expect(rows).toHaveLength(ids.length);
    for (const { envelope: e } of produced) {
      expect(rows.find((r: { event_id: string }) => r.event_id === e.eventId)).toEqual({
        event_id: e.eventId,
        stream_id: e.streamId,
        version: e.streamVersion,
        position: e.position ?? '0',
        type: e.type,
        schema_version: e.schemaVersion,
        payload: e.payload,
        metadata: e.metadata,
        recorded_at: new Date(e.occurredAt),
      });
    }
  });
});
