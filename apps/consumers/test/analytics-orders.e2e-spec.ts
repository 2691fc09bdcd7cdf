import { randomInt, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { schemaOf } from '@app/database';
import { deadLetterTopic, type EventClass, OrderAwaitingPayment, OrderCancelled, OrderConfirmed, OrderCreated, TOPICS, type EventEnvelope } from '@app/events';
import { encodeEnvelope, PRODUCER_CONFIG } from '@app/messaging';
import { rewindGroup, waitUntilCaughtUp } from '../../../test/support/consumer-group';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { ANALYTICS } from '../src/analytics/analytics.consumer';
import { AppModule } from '../src/app.module';
import { startConsumers } from '../src/consumers';
import { envelopeOf } from './support/envelope.fixture';

assertTestDatabase();

const config = loadConfig();
const run = randomUUID().slice(0, 8);
const groupIdPrefix = `e2e-${run}.`;
const GROUP = `${groupIdPrefix}${ANALYTICS.groupId}`;
const ANALYTICS_TOPICS = [TOPICS.users, TOPICS.orders];
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * A UTC hour between 00:00 and 22:00 of a random day in 2000-2019: its hourly and daily rows are
 * this run's alone (the events are ours, so is their occurredAt), and the next hour is the same day.
 */
const randomPastHour = (): Date => new Date(Date.UTC(2000, 0, 1) + randomInt(0, 20 * 365) * 24 * HOUR_MS + randomInt(0, 23) * HOUR_MS);

/** One order's stream, created at `createdAt`; follow-ups come minutes later, a confirmation 90. */
const orderStream = (createdAt: Date) => {
  const orderId = randomUUID();
  const userId = randomUUID();
  const lines = [{ sku: `sku-${run}`, quantity: 2 }];
  const event = <P>(contract: EventClass<P>, payload: P, streamVersion: number, minutes: number) =>
    envelopeOf(contract, payload, { aggregateId: orderId, streamVersion, occurredAt: new Date(createdAt.getTime() + minutes * MINUTE_MS) });
  return {
    orderId,
    created: event(OrderCreated, { orderId, userId, lines }, 1, 0),
    awaitingPayment: (totalCents: number) =>
      event(OrderAwaitingPayment, { orderId, lines: [{ ...lines[0], unitPriceCents: totalCents / 2 }], totalCents }, 2, 1),
    // In the next hour: it must still count in the hour the order was created.
    confirmed: (totalCents: number) => event(OrderConfirmed, { orderId, paymentId: randomUUID(), totalCents }, 3, 90),
    cancelled: (streamVersion: number, reason: OrderCancelled['payload']['reason']) => event(OrderCancelled, { orderId, reason }, streamVersion, 2),
  };
};

describe('the analytics consumer on orders: facts and sales rollups', () => {
  let app: INestApplication;
  let db: DataSource;
  let kafka: Kafka;
  let producer: Producer;
  let admin: Admin;
  const H = randomPastHour();
  const DAY = H.toISOString().slice(0, 10);
  const at = (minutes: number) => new Date(H.getTime() + minutes * MINUTE_MS);
  const sent: EventEnvelope[] = [];
  const orderIds: string[] = [];

  /** Sends to the real orders.events (shared: every query below filters by this run's ids or hours). */
  const produce = async (envelope: EventEnvelope, partition?: number): Promise<number> => {
    const [meta] = await producer.send({ topic: TOPICS.orders, acks: -1, messages: [{ ...encodeEnvelope(envelope), partition }] });
    sent.push(envelope);
    return meta.partition;
  };
  const facts = (ids: string[]) =>
    db.query(
      `SELECT order_id, user_id, created_at, status, total_cents::int AS total_cents, confirmed_at, cancelled_at, cancellation_reason, version
       FROM analytics.fact_orders WHERE order_id = ANY($1::uuid[]) ORDER BY created_at, order_id`,
      [ids],
    );
  const MEASURES = `orders, confirmed_orders, cancelled_orders, revenue_cents::int AS revenue_cents`;
  const hourly = async (hour: Date) => (await db.query(`SELECT ${MEASURES} FROM analytics.sales_hourly WHERE hour = $1`, [hour]))[0];
  const daily = async (day: string) => (await db.query(`SELECT ${MEASURES} FROM analytics.sales_daily WHERE day = $1::date`, [day]))[0];
  /** Every figure this run can see: compared whole before and after duplicates and the replay. */
  const everything = async () => ({ facts: await facts(orderIds), hour: await hourly(H), nextHour: await hourly(at(60)), day: await daily(DAY) });
  const waitForVersions = (expected: Record<string, number>) =>
    waitFor(
      'the facts to reach their last versions',
      async () => {
        const rows: { order_id: string; version: number }[] = await facts(Object.keys(expected));
        return rows.length === Object.keys(expected).length && rows.every((r) => r.version === expected[r.order_id]);
      },
      { timeoutMs: 120000, intervalMs: 250 },
    );

  const startApp = async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    // Only analytics: inventory would reserve stock for these made-up orders. A short fetch wait
    // only so that closing does not wait out kafkajs' 5 s long poll.
    await startConsumers(app, { groupIdPrefix, only: [ANALYTICS], server: { maxWaitTimeInMs: 500 } });
    db = app.get(DataSource);
  };

  beforeAll(async () => {
    kafka = new Kafka({ clientId: `analytics-e2e-${run}`, brokers: config.kafka.brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer(PRODUCER_CONFIG);
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    await startApp();
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    if (admin) {
      await admin.deleteGroups([GROUP]).catch(() => undefined);
      await admin.deleteTopics({ topics: [deadLetterTopic(GROUP)] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('keeps one fact per order and counts each order in the hour and day it was created, whatever happened to it later', async () => {
    const before = { hour: await hourly(H), nextHour: await hourly(at(60)), day: await daily(DAY) };
    const [paid, paidToo, outOfStock, declined, pending, awaiting] = [0, 5, 10, 15, 20, 25].map((m) => orderStream(at(m)));
    const nextHour = orderStream(at(60));
    const streams = [
      [paid.created, paid.awaitingPayment(2500), paid.confirmed(2500)],
      [paidToo.created, paidToo.awaitingPayment(1000), paidToo.confirmed(1000)],
      [outOfStock.created, outOfStock.cancelled(2, 'OUT_OF_STOCK')],
      [declined.created, declined.awaitingPayment(800), declined.cancelled(3, 'PAYMENT_FAILED')],
      [pending.created],
      [awaiting.created, awaiting.awaitingPayment(600)],
      [nextHour.created, nextHour.awaitingPayment(700), nextHour.confirmed(700)],
    ];
    orderIds.push(...[paid, paidToo, outOfStock, declined, pending, awaiting, nextHour].map((o) => o.orderId));
    for (const stream of streams) for (const e of stream) await produce(e);

    await waitForVersions(Object.fromEntries(streams.map((s) => [s[0].aggregateId, s.length])));

    const fact = (o: { orderId: string; created: EventEnvelope<{ userId: string }> }, minutes: number, rest: object) => ({
      order_id: o.orderId,
      user_id: o.created.payload.userId,
      created_at: at(minutes),
      total_cents: null,
      confirmed_at: null,
      cancelled_at: null,
      cancellation_reason: null,
      ...rest,
    });
    expect(await facts(orderIds)).toEqual([
      fact(paid, 0, { status: 'CONFIRMED', total_cents: 2500, confirmed_at: at(90), version: 3 }),
      fact(paidToo, 5, { status: 'CONFIRMED', total_cents: 1000, confirmed_at: at(95), version: 3 }),
      fact(outOfStock, 10, { status: 'CANCELLED', cancelled_at: at(12), cancellation_reason: 'OUT_OF_STOCK', version: 2 }),
      fact(declined, 15, { status: 'CANCELLED', total_cents: 800, cancelled_at: at(17), cancellation_reason: 'PAYMENT_FAILED', version: 3 }),
      fact(pending, 20, { status: 'PENDING', version: 1 }),
      fact(awaiting, 25, { status: 'AWAITING_PAYMENT', total_cents: 600, version: 2 }),
      fact(nextHour, 60, { status: 'CONFIRMED', total_cents: 700, confirmed_at: at(150), version: 3 }),
    ]);

    const zero = { orders: 0, confirmed_orders: 0, cancelled_orders: 0, revenue_cents: 0 };
    const delta = (after: typeof zero, was: typeof zero = zero) =>
      Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (was as Record<string, number>)[k]]));
    expect(delta(await hourly(H), before.hour)).toEqual({ orders: 6, confirmed_orders: 2, cancelled_orders: 2, revenue_cents: 3500 });
    expect(delta(await hourly(at(60)), before.nextHour)).toEqual({ orders: 1, confirmed_orders: 1, cancelled_orders: 0, revenue_cents: 700 });
    expect(delta(await daily(DAY), before.day)).toEqual({ orders: 7, confirmed_orders: 3, cancelled_orders: 2, revenue_cents: 4200 });
  });

  it('changes no figure for a redelivered event, the same event under a new id, or an older event arriving late', async () => {
    const figures = await everything();
    const [paid, , outOfStock] = sent.filter((e) => e.type === OrderCreated.type).map((c) => sent.filter((e) => e.aggregateId === c.aggregateId));
    const again = (e: EventEnvelope) => ({ ...e, eventId: randomUUID() });

    // All on one partition, then a sentinel there: once its fact exists, the rest was dealt with.
    const partition = await produce(paid[0]);
    for (const e of [...paid, again(paid[0]), again(paid[1]), again(paid[2]), again(outOfStock[0]), again(outOfStock[1])]) await produce(e, partition);
    const sentinel = orderStream(randomPastHour());
    await produce(sentinel.created, partition);
    await waitForVersions({ [sentinel.orderId]: 1 });

    expect(await everything()).toEqual(figures);
  });

  it('fills in what only an older event sets when it is redriven after a newer one, undoing nothing newer', async () => {
    const order = orderStream(randomPastHour());
    // OrderAwaitingPayment missing (as if dead-lettered): the cancellation lands on a fact without a total.
    const partition = await produce(order.created);
    await produce(order.cancelled(3, 'PAYMENT_TIMEOUT'), partition);
    await waitForVersions({ [order.orderId]: 3 });
    expect((await facts([order.orderId]))[0]).toMatchObject({ status: 'CANCELLED', total_cents: null });

    await produce(order.awaitingPayment(1800), partition);
    const [fact] = await waitFor('the total filled in', async () => {
      const rows = await facts([order.orderId]);
      return rows[0]?.total_cents === 1800 && rows;
    });
    expect(fact).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'PAYMENT_TIMEOUT', version: 3 });
  });

  it('leaves every figure as it was after the consumer replays the topics from the first offset, re-applying this run’s events', async () => {
    const figures = await everything();
    // processed_events would skip every replayed event; forgetting this run's records makes the
    // replay run the handlers again, so it is the version guard and the recompute being tested.
    // (Done while the app still has its pool; the group has read past these events already.)
    const ids = sent.map((e) => e.eventId);
    await db.query(`DELETE FROM "${schemaOf(db)}"."processed_events" WHERE consumer = $1 AND event_id = ANY($2)`, [ANALYTICS.name, ids]);
    await app.close();
    await rewindGroup(admin, GROUP, ANALYTICS_TOPICS);

    await startApp();
    await waitUntilCaughtUp(admin, GROUP, ANALYTICS_TOPICS, { timeoutMs: 100_000 });

    const reapplied = await db.query(`SELECT count(*)::int AS n FROM "${schemaOf(db)}"."processed_events" WHERE consumer = $1 AND event_id = ANY($2)`, [ANALYTICS.name, ids]);
    expect(reapplied[0].n).toBe(new Set(ids).size);
    expect(await everything()).toEqual(figures);
  });
});
