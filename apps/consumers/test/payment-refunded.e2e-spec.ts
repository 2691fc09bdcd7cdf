import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { deadLetterTopic, OrderRefunded, PaymentProcessed, PaymentRefunded, TOPICS, type EventEnvelope, type TopicName } from '@app/events';
import { encodeEnvelope, PRODUCER_CONFIG } from '@app/messaging';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { AppModule } from '../src/app.module';
import { startConsumers } from '../src/consumers';
import { NOTIFICATIONS } from '../src/notifications/notifications.consumer';
import { PROJECTIONS } from '../src/projections/projections.consumer';
import { envelopeOf } from './support/envelope.fixture';
import { mailsTo } from './support/mails-to';
import { orderCancelled, orderCreated } from './support/order-events.fixture';
import { userRegistered } from './support/user-registered.fixture';

assertTestDatabase();

const config = loadConfig();
const run = randomUUID().slice(0, 8);
const groupIdPrefix = `e2e-${run}.`;
const CONSUMERS = [PROJECTIONS, NOTIFICATIONS];
const groups = CONSUMERS.map((c) => `${groupIdPrefix}${c.groupId}`);
const AMOUNT = 4250;
const PAID_AT = new Date('2031-07-08T09:10:11.000Z');
const REFUNDED_AT = new Date('2031-07-08T09:20:00.000Z');

describe('a refunded payment (projections and notifications)', () => {
  let app: INestApplication;
  let db: DataSource;
  let producer: Producer;
  let admin: Admin;

  const produce = async (topic: TopicName, envelope: EventEnvelope): Promise<void> => {
    await producer.send({ topic, acks: -1, messages: [encodeEnvelope(envelope)] });
  };
  const paymentView = async (id: string) =>
    (await db.query(`SELECT order_id, amount_cents, status, failure_reason, processed_at, version FROM read_model.payment_view WHERE id = $1`, [id]))[0];
  const orderView = async (id: string) => (await db.query(`SELECT status, cancellation_reason, version FROM read_model.order_view WHERE id = $1`, [id]))[0];
  const loggedTypes = async (streamId: string): Promise<string[]> =>
    (await db.query(`SELECT type FROM read_model.event_log WHERE stream_id = $1 ORDER BY version`, [streamId])).map((r: { type: string }) => r.type);
  const deliveries = (userId: string): Promise<{ channel: string; template: string; status: string; event_id: string; data: object }[]> =>
    db.query(`SELECT channel, template, status, event_id, data FROM notifications.deliveries WHERE user_id = $1 ORDER BY channel`, [userId]);
  const processed = async (consumer: string, eventId: string) =>
    (await db.query(`SELECT 1 FROM inventory.processed_events WHERE consumer = $1 AND event_id = $2`, [consumer, eventId])).length === 1;

  beforeAll(async () => {
    const kafka = new Kafka({ clientId: `refund-e2e-${run}`, brokers: config.kafka.brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer(PRODUCER_CONFIG);
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    // New groups would replay every topic from the start, earlier runs' orphans included: start
    // them at the ends. Topics made just now may not have their leaders yet: asked until they do.
    for (const group of groups) {
      for (const topic of [TOPICS.users, TOPICS.orders, TOPICS.payments, TOPICS.inventory]) {
        const ends = await waitFor(`the ends of ${topic}`, () => admin.fetchTopicOffsets(topic));
        await admin.setOffsets({ groupId: group, topic, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
      }
    }
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    // Not inventory: it would act on these made-up orders.
    await startConsumers(app, { groupIdPrefix, only: CONSUMERS, server: { maxWaitTimeInMs: 500 } });
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    if (admin) {
      await admin.deleteGroups(groups).catch(() => undefined);
      await admin.deleteTopics({ topics: groups.map(deadLetterTopic) }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('shows the payment REFUNDED, mails and pushes PAYMENT_REFUNDED to the owner, and only logs OrderRefunded', async () => {
    const customer = userRegistered();
    const created = orderCreated([{ sku: `sku-${run}`, quantity: 1 }], customer.userId);
    const { orderId } = created.payload;
    const paymentId = randomUUID();
    const payment = { paymentId, orderId, amountCents: AMOUNT };
    // The order timed out waiting for its payment, which then went through late: the saga had it refunded.
    await produce(TOPICS.users, customer.envelope);
    await produce(TOPICS.orders, created);
    await produce(TOPICS.orders, orderCancelled(created, 'PAYMENT_TIMEOUT'));
    await produce(TOPICS.payments, envelopeOf(PaymentProcessed, payment, { aggregateId: paymentId, streamVersion: 1, occurredAt: PAID_AT }));
    const refunded = envelopeOf(PaymentRefunded, payment, { aggregateId: paymentId, streamVersion: 2, occurredAt: REFUNDED_AT });
    await produce(TOPICS.payments, refunded);

    expect(await waitFor('the REFUNDED payment', async () => (await paymentView(paymentId))?.status === 'REFUNDED' && paymentView(paymentId))).toEqual({
      order_id: orderId,
      amount_cents: AMOUNT,
      status: 'REFUNDED',
      failure_reason: null,
      // When it was paid; the refund's time is in the event log.
      processed_at: PAID_AT,
      version: 2,
    });
    await waitFor('both payment events in the event log', async () => (await loggedTypes(`payment-${paymentId}`)).length === 2);

    const rows = await waitFor('both refund deliveries, the email SENT', async () => {
      const all = (await deliveries(customer.userId)).filter((d) => d.template === 'PAYMENT_REFUNDED');
      return all.length === 2 && all[0].status === 'SENT' && all;
    }, { timeoutMs: 60_000, intervalMs: 250 });
    expect(rows).toEqual(['EMAIL', 'PUSH'].map((channel) => ({ channel, template: 'PAYMENT_REFUNDED', status: 'SENT', event_id: refunded.eventId, data: { orderId, amountCents: AMOUNT } })));
    const mails = (await mailsTo(customer.email)).filter((m) => m.mail.subject === `Your payment for order ${orderId} was refunded`);
    expect(mails).toHaveLength(1);
    expect(mails[0].mail.text).toContain(`your payment of 42.50 for your order ${orderId} was refunded.`);

    // OrderRefunded on the order's stream: in its history, nothing to show in order_view, no mail of its own.
    const orderRefunded = envelopeOf(OrderRefunded, payment, { aggregateId: orderId, streamVersion: 3 });
    await produce(TOPICS.orders, orderRefunded);
    await waitFor('OrderRefunded in the event log', async () => (await loggedTypes(`order-${orderId}`)).includes('OrderRefunded'));
    await waitFor('the notifications consumer to pass OrderRefunded', () => processed(NOTIFICATIONS.name, orderRefunded.eventId));
    expect(await loggedTypes(`order-${orderId}`)).toEqual(['OrderCreated', 'OrderCancelled', 'OrderRefunded']);
    expect(await orderView(orderId)).toEqual({ status: 'CANCELLED', cancellation_reason: 'PAYMENT_TIMEOUT', version: 2 });
    expect((await deliveries(customer.userId)).filter((d) => d.event_id === orderRefunded.eventId)).toEqual([]);
  });

  it('keeps a payment REFUNDED when its PaymentProcessed comes again late (redriven)', async () => {
    // A known order of a known customer, so that the refund's notification has someone to go to.
    const customer = userRegistered();
    const created = orderCreated([{ sku: `sku-${run}`, quantity: 1 }], customer.userId);
    await produce(TOPICS.users, customer.envelope);
    await produce(TOPICS.orders, created);
    const paymentId = randomUUID();
    const payment = { paymentId, orderId: created.payload.orderId, amountCents: 100 };
    await produce(TOPICS.payments, envelopeOf(PaymentRefunded, payment, { aggregateId: paymentId, streamVersion: 2, occurredAt: REFUNDED_AT }));
    await waitFor('the REFUNDED payment', async () => (await paymentView(paymentId))?.status === 'REFUNDED');

    const late = envelopeOf(PaymentProcessed, payment, { aggregateId: paymentId, streamVersion: 1, occurredAt: PAID_AT });
    await produce(TOPICS.payments, late);
    await waitFor('the late PaymentProcessed to be applied', () => processed(PROJECTIONS.name, late.eventId));

    // Refunded before the view ever saw the payment: the refund's time is the best it has.
    expect(await paymentView(paymentId)).toMatchObject({ status: 'REFUNDED', processed_at: REFUNDED_AT, version: 2 });
  });
});
