import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { deadLetterTopic, TOPICS, type EventEnvelope, type OrderCancelled } from '@app/events';
import { encodeEnvelope, PRODUCER_CONFIG } from '@app/messaging';
import { KafkaCollector } from '../../../test/support/kafka-collector';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { AppModule } from '../src/app.module';
import { startConsumers } from '../src/consumers';
import { NOTIFICATIONS } from '../src/notifications/notifications.consumer';
import { mailsTo } from './support/mails-to';
import { orderCancelled, orderConfirmed, orderCreated, paymentFailed } from './support/order-events.fixture';
import { userRegistered } from './support/user-registered.fixture';

assertTestDatabase();

const config = loadConfig();
const run = randomUUID().slice(0, 8);
const groupIdPrefix = `e2e-${run}.`;
const MAIL_WAIT = { timeoutMs: 60_000, intervalMs: 250 };

type Delivery = { id: string; channel: string; template: string; status: string; event_id: string; data: Record<string, unknown> };
type StoredNotification = { stream_id: string; payload: Record<string, unknown>; metadata: Record<string, unknown> };

describe('the notifications consumer telling customers about their orders', () => {
  let app: INestApplication;
  let db: DataSource;
  let producer: Producer;
  let admin: Admin;
  let published: KafkaCollector;

  const produce = async (envelope: EventEnvelope, partition?: number): Promise<number> => {
    const topic = envelope.type === 'PaymentFailed' ? TOPICS.payments : envelope.type === 'UserRegistered' ? TOPICS.users : TOPICS.orders;
    const [meta] = await producer.send({ topic, acks: -1, messages: [{ ...encodeEnvelope(envelope), partition }] });
    return meta.partition;
  };
  /** A registered customer: the welcome mail (there once it is SENT) shows the recipient is known. */
  const customer = async () => {
    const user = userRegistered();
    await produce(user.envelope);
    return user;
  };
  const deliveries = (userId: string): Promise<Delivery[]> =>
    db.query(`SELECT id, channel, template, status, event_id, data FROM notifications.deliveries WHERE user_id = $1 ORDER BY created_at, channel`, [userId]);
  /** The NotificationCreated events this app's event store (schema inventory) holds for the user. */
  const stored = (userId: string): Promise<StoredNotification[]> =>
    db.query(`SELECT stream_id, payload, metadata FROM notifications.events WHERE event_type = 'NotificationCreated' AND payload->>'userId' = $1`, [userId]);
  const mailsAbout = async (address: string, orderId: string) => (await mailsTo(address)).filter((m) => m.mail.subject?.includes(orderId));
  const oneMailAbout = (address: string, orderId: string) =>
    waitFor(`the mail about order ${orderId}`, async () => {
      const mails = await mailsAbout(address, orderId);
      return mails.length > 0 && mails;
    }, MAIL_WAIT);

  beforeAll(async () => {
    const kafka = new Kafka({ clientId: `notifications-e2e-${run}`, brokers: config.kafka.brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer(PRODUCER_CONFIG);
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    published = new KafkaCollector(config.kafka.brokers, TOPICS.notifications);
    await published.start();

    // A new group would start at the beginning of each topic and replay every order event earlier
    // runs made up, orphans included (retried, then dead-lettered): start it at the ends instead.
    const group = `${groupIdPrefix}${NOTIFICATIONS.groupId}`;
    // (resetOffsets would commit -1, which kafkajs reads as "no offset": the beginning again.)
    for (const topic of [TOPICS.users, TOPICS.orders, TOPICS.payments]) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({ groupId: group, topic, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
    }

    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    // Only the notifications consumer: inventory would react to these made-up orders.
    await startConsumers(app, { groupIdPrefix, only: [NOTIFICATIONS], server: { maxWaitTimeInMs: 500 } });
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await published?.stop();
    await producer?.disconnect();
    if (admin) {
      const group = `${groupIdPrefix}${NOTIFICATIONS.groupId}`;
      await admin.deleteGroups([group]).catch(() => undefined);
      await admin.deleteTopics({ topics: [deadLetterTopic(group)] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('mails a confirmed order once with its total, records an in-app push, announces both, and ignores the event delivered again', async () => {
    const ada = await customer();
    const created = orderCreated([{ sku: 'SKU-1', quantity: 2 }], ada.userId);
    const confirmed = orderConfirmed(created, 2500);
    await produce(created);
    const partition = await produce(confirmed);

    const [mail] = await oneMailAbout(ada.email, created.payload.orderId);
    expect(mail.envelope.to).toEqual([ada.email]);
    expect(mail.mail.subject).toBe(`Your order ${created.payload.orderId} is confirmed`);
    expect(mail.mail.text).toContain(`Hello ${ada.name},`);
    expect(mail.mail.text).toContain('Total: 25.00');
    expect(mail.mail.html).toContain('Hello Ada &lt;');

    const rows = await waitFor('the email to be marked SENT', async () => {
      const all = (await deliveries(ada.userId)).filter((d) => d.template === 'ORDER_CONFIRMED');
      return all.some((d) => d.channel === 'EMAIL' && d.status === 'SENT') && all;
    });
    expect(rows.map(({ channel, status, event_id, data }) => ({ channel, status, event_id, data }))).toEqual([
      { channel: 'EMAIL', status: 'SENT', event_id: confirmed.eventId, data: { orderId: created.payload.orderId, amountCents: 2500 } },
      { channel: 'PUSH', status: 'SENT', event_id: confirmed.eventId, data: { orderId: created.payload.orderId, amountCents: 2500 } },
    ]);

    // One NotificationCreated per delivery (the welcome email's too), caused by the order event.
    const events = (await stored(ada.userId)).filter((e) => e.payload.template === 'ORDER_CONFIRMED');
    expect(events.map((e) => e.payload).sort((a, b) => String(a.channel).localeCompare(String(b.channel)))).toEqual(
      rows.map((d) => ({ notificationId: d.id, userId: ada.userId, channel: d.channel, template: 'ORDER_CONFIRMED', status: d.channel === 'EMAIL' ? 'PENDING' : 'SENT', subjectId: created.payload.orderId })),
    );
    expect(events.map((e) => e.stream_id).sort()).toEqual(rows.map((d) => `notification-${d.id}`).sort());
    expect(events.every((e) => e.metadata.causationId === confirmed.eventId && e.metadata.correlationId === confirmed.metadata.correlationId)).toBe(true);
    await waitFor('both to reach notifications.events', () =>
      rows.every((d) => published.received.some((r) => r.envelope.streamId === `notification-${d.id}` && r.envelope.type === 'NotificationCreated')),
    );

    // The same event again, then a sentinel order on the same partition: once the sentinel's
    // mail is out, the duplicate before it has been dealt with.
    await produce(confirmed, partition);
    const sentinelCreated = orderCreated([{ sku: 'SKU-1', quantity: 1 }], ada.userId);
    await produce(sentinelCreated, partition);
    await produce(orderConfirmed(sentinelCreated, 100), partition);
    await oneMailAbout(ada.email, sentinelCreated.payload.orderId);

    expect(await mailsAbout(ada.email, created.payload.orderId)).toHaveLength(1);
    expect((await deliveries(ada.userId)).filter((d) => d.template === 'ORDER_CONFIRMED' && d.event_id === confirmed.eventId)).toHaveLength(2);
    expect((await stored(ada.userId)).filter((e) => e.metadata.causationId === confirmed.eventId)).toHaveLength(2);
  });

  it.each([
    ['OUT_OF_STOCK', 'some items were out of stock'],
    ['PAYMENT_FAILED', 'the payment was declined'],
    ['PAYMENT_TIMEOUT', 'the payment did not complete in time'],
    ['FULFILMENT_TIMEOUT', 'we could not process it in time'],
    ['CANCELLED_BY_CUSTOMER', 'you cancelled it'],
  ] as [OrderCancelled['payload']['reason'], string][])('mails a cancellation for %s once, saying "%s"', async (reason, words) => {
    const bob = await customer();
    const created = orderCreated([{ sku: 'SKU-2', quantity: 1 }], bob.userId);
    await produce(created);
    await produce(orderCancelled(created, reason));

    const [mail] = await oneMailAbout(bob.email, created.payload.orderId);
    expect(mail.envelope.to).toEqual([bob.email]);
    expect(mail.mail.subject).toBe(`Your order ${created.payload.orderId} was cancelled`);
    expect(mail.mail.text).toContain(`was cancelled because ${words}.`);
    const push = await waitFor('the push record', async () => (await deliveries(bob.userId)).find((d) => d.channel === 'PUSH'));
    expect(push).toMatchObject({ template: 'ORDER_CANCELLED', status: 'SENT' });
    expect(await mailsAbout(bob.email, created.payload.orderId)).toHaveLength(1);
  });

  it('mails a failed payment once, even when the PaymentFailed is consumed before its order\'s OrderCreated', async () => {
    const cy = await customer();
    const created = orderCreated([{ sku: 'SKU-3', quantity: 1 }], cy.userId);
    // Another topic: nothing orders these two. The owner is unknown at first, so the consumer
    // retries the PaymentFailed until OrderCreated has been consumed.
    await produce(paymentFailed(created, 3750, 'DECLINED'));
    await produce(created);
    await produce(orderCancelled(created, 'PAYMENT_FAILED'));

    const mails = await waitFor('both mails about the order', async () => {
      const all = await mailsAbout(cy.email, created.payload.orderId);
      return all.length >= 2 && all;
    }, MAIL_WAIT);
    expect(mails.map((m) => m.mail.subject).sort()).toEqual([
      `Payment for your order ${created.payload.orderId} failed`,
      `Your order ${created.payload.orderId} was cancelled`,
    ]);
    const failed = mails.find((m) => m.mail.subject!.startsWith('Payment'))!;
    expect(failed.mail.text).toContain('the payment of 37.50 for your order');
    expect((await deliveries(cy.userId)).filter((d) => d.template === 'PAYMENT_FAILED').map((d) => d.channel).sort()).toEqual(['EMAIL', 'PUSH']);
  });
});
