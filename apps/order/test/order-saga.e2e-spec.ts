import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ClientKafka } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { Pool } from 'pg';
import { lastValueFrom, timeout } from 'rxjs';
import { COMMANDS, type CommandMessage, type CommandPattern, type CommandReply, type CreateOrderResult, type CommandResult } from '@app/commands';
import { loadConfig } from '@app/config';
import { deadLetterTopic, type EventEnvelope, TOPICS } from '@app/events';
import { encodeEnvelope, PRODUCER_CONFIG } from '@app/messaging';
import { sealFor, securityOf, signedAs } from '../../../test/support/command-security';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { AppModule } from '../src/app.module';
import { fromDeadline } from '../src/commands/append-context';
import { CancelOrderCommand, SYSTEM } from '../src/commands/cancel-order/cancel-order.command';
import { ConfirmOrderCommand } from '../src/commands/confirm-order/confirm-order.command';
import { MarkOrderAwaitingPaymentCommand } from '../src/commands/mark-order-awaiting-payment/mark-order-awaiting-payment.command';
import { ORDER_SETTINGS, type OrderSettings } from '../src/order-settings';
import { ORDER_SAGA_CONSUMERS } from '../src/sagas/order-saga.consumer';
import { startOrderService } from '../src/start-order-service';
import { PaymentResponder } from './support/payment-responder';

assertTestDatabase();

const run = randomUUID().slice(0, 8);
const config = loadConfig();
const SETTINGS: OrderSettings = { orderDeadlineMs: 15000, paymentDeadlineMs: 5000, deadlineScanMs: 200, openOrdersPerCustomer: 30 };
const ids = {
  commands: { clientId: `order-e2e-${run}`, groupId: `order-commands-e2e-${run}` },
  sagaIdSuffix: `.e2e-${run}`,
  client: `order-e2e-client-${run}`,
};
type Issuer = NonNullable<CommandMessage['issuedBy']>;
const customer: Issuer = { userId: randomUUID(), role: 'CUSTOMER' };
const otherCustomer: Issuer = { userId: randomUUID(), role: 'CUSTOMER' };
const admin: Issuer = { userId: randomUUID(), role: 'ADMIN' };
// Distinctive per run, to search the event store for it. The declined and timeout tokens are the
// payment service's own test rules, so a real payment service on this broker would agree.
const VISA = `tok_visa_${run}`;
const LINES = [
  { sku: `sku-a-${run}`, quantity: 2 },
  { sku: `sku-b-${run}`, quantity: 1 },
];
const PRICED = [
  { ...LINES[0], unitPriceCents: 1250 },
  { ...LINES[1], unitPriceCents: 499 },
];
const TOTAL = 2 * 1250 + 499;

describe('the order service and its fulfilment saga', () => {
  let app: INestApplication;
  let client: ClientKafka;
  let producer: Producer;
  let kafkaAdmin: Admin;
  let db: Pool;
  const paymentIds = new Map<string, string>();
  const created: string[] = [];
  const responder = new PaymentResponder(config.kafka.brokers, ({ orderId, paymentToken }) => {
    if (paymentToken === 'tok_timeout') return undefined;
    const paymentId = paymentIds.get(orderId) ?? randomUUID();
    paymentIds.set(orderId, paymentId);
    return { ok: true, result: { paymentId, status: paymentToken === 'tok_declined' ? 'FAILED' : 'PROCESSED' } };
  });

  /** As the gateway sends a command: signed with its key. */
  const send = <R>(pattern: CommandPattern, data: unknown, issuedBy: Issuer | null, commandId: string = randomUUID(), timeoutMs = 20000) =>
    lastValueFrom(
      client
        .send<CommandReply<R>>(pattern, { key: commandId, value: signedAs('gateway', pattern, { commandId, correlationId: `corr-${commandId}`, issuedBy, data }) })
        .pipe(timeout(timeoutMs)),
    );
  /** The card token sealed to the payment service, as the gateway sends it, unless `clearToken`. */
  const createOrder = async (data: Record<string, unknown>, issuedBy: Issuer = customer, commandId?: string, clearToken = false) => {
    const token = data.paymentToken;
    const sealed = typeof token === 'string' && !clearToken ? { ...data, paymentToken: sealFor('payment', 'paymentToken', token) } : data;
    const reply = await send<CreateOrderResult>(COMMANDS.createOrder, sealed, issuedBy, commandId);
    if (reply.ok) {
      created.push(reply.result.orderId);
      responder.expect(reply.result.orderId);
    }
    return reply;
  };
  const newOrder = async (paymentToken = VISA): Promise<string> => {
    const reply = await createOrder({ lines: LINES, paymentToken });
    if (!reply.ok) throw new Error(`createOrder failed: ${JSON.stringify(reply.error)}`);
    return reply.result.orderId;
  };
  const cancel = (orderId: string, issuedBy: Issuer | null, reason?: string) => send<CommandResult>(COMMANDS.cancelOrder, { orderId, reason }, issuedBy);

  const orderEvents = async (orderId: string) =>
    (
      await db.query(`SELECT event_id, event_type, stream_version, payload, metadata, recorded_at FROM orders.events WHERE stream_id = $1 ORDER BY stream_version`, [
        `order-${orderId}`,
      ])
    ).rows;
  const eventTypes = async (orderId: string) => (await orderEvents(orderId)).map((e) => e.event_type);
  const waitForEvent = (orderId: string, type: string, timeoutMs = 30000) =>
    waitFor(`${type} for order ${orderId}`, async () => (await orderEvents(orderId)).find((e) => e.event_type === type), { timeoutMs });
  const sagaOf = async (orderId: string) => (await db.query(`SELECT * FROM orders.order_sagas WHERE order_id = $1`, [orderId])).rows[0];
  const processed = async (eventId: string) =>
    (await db.query(`SELECT 1 FROM orders.processed_events WHERE consumer IN ('order-saga', 'order-saga-payments', 'order-saga-orders') AND event_id = $1`, [eventId])).rowCount === 1;

  const envelope = <P>(type: string, aggregate: string, aggregateId: string, payload: P): EventEnvelope<P> => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: `${aggregate}-${aggregateId}`,
    aggregateId,
    streamVersion: 1,
    occurredAt: new Date().toISOString(),
    payload,
    metadata: { correlationId: `saga-e2e-${run}`, causationId: null, userId: null },
  });
  const publish = async (topic: string, event: EventEnvelope, partition?: number) => {
    await producer.send({ topic, acks: -1, messages: [{ ...encodeEnvelope(event), partition }] });
    return event;
  };
  const reserve = (orderId: string) =>
    publish(TOPICS.inventory, envelope('InventoryReserved', 'reservation', orderId, { orderId, lines: PRICED, totalCents: TOTAL }));
  const paymentProcessed = (orderId: string, paymentId: string) =>
    publish(TOPICS.payments, envelope('PaymentProcessed', 'payment', paymentId, { paymentId, orderId, amountCents: TOTAL }));

  /**
   * Our saga group starts at the latest offsets once it has joined. An event for an unknown order
   * (which the saga skips) processed on every partition proves it reads them all; a probe sent
   * before the join is lost, so partitions not proven yet get a fresh one on each call.
   */
  const proven = new Set<string>();
  let probes: { slot: string; eventId: string }[] = [];
  const probeFor = (topic: string) => {
    const orderId = randomUUID();
    if (topic === TOPICS.orders) return envelope('OrderConfirmed', 'order', orderId, { orderId, paymentId: randomUUID(), totalCents: 1 });
    return topic === TOPICS.inventory
      ? envelope('InventoryReservationFailed', 'reservation', orderId, { orderId, reason: 'UNKNOWN_SKU', lines: [{ sku: 'probe', requested: 1, available: 0 }] })
      : envelope('PaymentFailed', 'payment', randomUUID(), { paymentId: randomUUID(), orderId, amountCents: 1, reason: 'ERROR', message: 'probe' });
  };
  const sagaListening = async () => {
    for (const probe of probes) if (await processed(probe.eventId)) proven.add(probe.slot);
    probes = [];
    for (const topic of [TOPICS.inventory, TOPICS.payments, TOPICS.orders]) {
      for (const { partition } of await kafkaAdmin.fetchTopicOffsets(topic)) {
        const slot = `${topic}:${partition}`;
        if (!proven.has(slot)) probes.push({ slot, eventId: (await publish(topic, probeFor(topic), partition)).eventId });
      }
    }
    return probes.length === 0;
  };

  beforeAll(async () => {
    db = new Pool({ connectionString: config.databaseUrl, max: 2 });
    const kafka = new Kafka({ clientId: ids.client, brokers: config.kafka.brokers, logLevel: logLevel.NOTHING });
    kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    producer = kafka.producer(PRODUCER_CONFIG);
    await producer.connect();
    await responder.start();

    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).overrideProvider(ORDER_SETTINGS).useValue(SETTINGS).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    // Groups of this run: an order service running elsewhere on this broker must not take our messages.
    await startOrderService(app, { commands: ids.commands, sagaIdSuffix: ids.sagaIdSuffix, sagaServer: { fromBeginning: false, maxWaitTimeInMs: 200 } });

    client = new ClientKafka({
      client: { clientId: ids.client, brokers: config.kafka.brokers, logLevel: logLevel.WARN },
      consumer: { groupId: ids.client, maxWaitTimeInMs: 200 },
      postfixId: '',
    });
    client.subscribeToResponseOf(COMMANDS.createOrder);
    client.subscribeToResponseOf(COMMANDS.cancelOrder);
    await client.connect();
    await waitFor(
      'the order service to answer a command',
      () => send(COMMANDS.cancelOrder, { orderId: randomUUID() }, null, randomUUID(), 3000).then(() => true, () => false),
      { timeoutMs: 90000, intervalMs: 100 },
    );
    await waitFor('the saga consumer to read every partition', sagaListening, { timeoutMs: 90000, intervalMs: 1000 });
  });

  afterAll(async () => {
    await client?.close();
    await app?.close();
    await responder.stop();
    await producer?.disconnect();
    const sagaGroups = ORDER_SAGA_CONSUMERS.map((saga) => saga.groupId + ids.sagaIdSuffix);
    await kafkaAdmin?.deleteGroups([ids.commands.groupId, ...sagaGroups, ids.client]).catch(() => undefined);
    await kafkaAdmin?.deleteTopics({ topics: sagaGroups.map(deadLetterTopic) }).catch(() => undefined);
    await kafkaAdmin?.disconnect();
    await db?.end();
  });

  describe('an order that is paid', () => {
    let orderId: string;

    it('is created PENDING: OrderCreated in the orders store, the token only in the private table', async () => {
      const reply = await createOrder({ lines: LINES, paymentToken: VISA });

      expect(reply).toEqual({ ok: true, result: { orderId: expect.any(String), result: { aggregateId: expect.any(String), version: 1, position: expect.stringMatching(/^\d+$/) } } });
      if (!reply.ok) return;
      orderId = reply.result.orderId;
      expect(reply.result.result.aggregateId).toBe(orderId);
      const events = await orderEvents(orderId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ event_type: 'OrderCreated', payload: { orderId, userId: customer.userId, lines: LINES } });
      expect(events[0].metadata).toMatchObject({ userId: customer.userId, correlationId: expect.stringMatching(/^corr-/) });
      // Kept sealed: only the payment service can open it.
      const [{ token }] = (await db.query(`SELECT token FROM orders.payment_tokens WHERE order_id = $1`, [orderId])).rows;
      expect(token).toMatch(/^sealed\.v1\./);
      expect(securityOf('payment').unsealIn({ paymentToken: token }, 'paymentToken')).toEqual({ paymentToken: VISA });
      expect(JSON.stringify(reply)).not.toContain(VISA);
    });

    it('awaits payment once inventory reserved it, and asks the payment service for the total with the token', async () => {
      await reserve(orderId);

      const awaiting = await waitForEvent(orderId, 'OrderAwaitingPayment');
      expect(awaiting.payload).toEqual({ orderId, lines: PRICED, totalCents: TOTAL });
      const [request] = await waitFor('the processPayment request', () => responder.requestsFor(orderId).length > 0 && responder.requestsFor(orderId));
      expect(request).toEqual({
        key: orderId,
        message: {
          commandId: `pay:${orderId}`,
          correlationId: `saga-e2e-${run}`,
          issuedBy: null,
          data: { orderId, amountCents: TOTAL, paymentToken: VISA },
          auth: expect.objectContaining({ sender: 'order' }),
        },
      });
      // What crossed Kafka was the sealed token, never the token itself.
      expect(responder.sealedTokens.some((sealed) => sealed.includes(VISA))).toBe(false);
      expect(await sagaOf(orderId)).toMatchObject({ state: 'AWAITING_PAYMENT', total_cents: String(TOTAL), deadline_at: expect.any(Date) });
    });

    it('is confirmed by PaymentProcessed, and the saga ends', async () => {
      const paymentId = paymentIds.get(orderId)!;
      await paymentProcessed(orderId, paymentId);

      const confirmed = await waitForEvent(orderId, 'OrderConfirmed');
      expect(confirmed.payload).toEqual({ orderId, paymentId, totalCents: TOTAL });
      await waitFor('the saga to record the confirmation', async () => (await sagaOf(orderId))?.state === 'CONFIRMED');
      expect(await sagaOf(orderId)).toMatchObject({ payment_id: paymentId, deadline_at: null });
    });

    it('appends nothing and asks for no second payment when reservations or payments come again', async () => {
      const again = await reserve(orderId);
      await publish(TOPICS.inventory, again);
      // Same key, same partition: once this one is processed, the redelivery before it was too.
      const third = await reserve(orderId);
      const paidAgain = await paymentProcessed(orderId, paymentIds.get(orderId)!);
      await waitFor('the repeated events to be processed', async () => (await processed(third.eventId)) && processed(paidAgain.eventId));

      expect(await eventTypes(orderId)).toEqual(['OrderCreated', 'OrderAwaitingPayment', 'OrderConfirmed']);
      expect(responder.requestsFor(orderId)).toHaveLength(1);
    });

    it('can no longer be cancelled: CONFLICT', async () => {
      expect(await cancel(orderId, customer)).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.any(String) } });
      expect(await eventTypes(orderId)).toHaveLength(3);
    });
  });

  it('is cancelled OUT_OF_STOCK when inventory cannot reserve it', async () => {
    const orderId = await newOrder();
    await publish(
      TOPICS.inventory,
      envelope('InventoryReservationFailed', 'reservation', orderId, { orderId, reason: 'OUT_OF_STOCK', lines: [{ sku: LINES[0].sku, requested: 2, available: 1 }] }),
    );

    const cancelled = await waitForEvent(orderId, 'OrderCancelled');
    expect(cancelled.payload).toEqual({ orderId, reason: 'OUT_OF_STOCK', detail: `${LINES[0].sku}: 2 requested, 1 available` });
    expect(await eventTypes(orderId)).toEqual(['OrderCreated', 'OrderCancelled']);
    expect(responder.requestsFor(orderId)).toEqual([]);
  });

  it('is cancelled PAYMENT_FAILED when the payment fails', async () => {
    const orderId = await newOrder('tok_declined');
    await reserve(orderId);
    await waitFor('the processPayment request', () => responder.requestsFor(orderId).length > 0);
    const paymentId = paymentIds.get(orderId)!;
    await publish(
      TOPICS.payments,
      envelope('PaymentFailed', 'payment', paymentId, { paymentId, orderId, amountCents: TOTAL, reason: 'DECLINED', message: 'card declined' }),
    );

    const cancelled = await waitForEvent(orderId, 'OrderCancelled');
    expect(cancelled.payload).toEqual({ orderId, reason: 'PAYMENT_FAILED', detail: 'DECLINED: card declined' });
    await waitFor('the saga to record the cancellation', async () => (await sagaOf(orderId))?.state === 'CANCELLED');
  });

  it('is cancelled PAYMENT_TIMEOUT when no payment outcome arrives before the deadline', async () => {
    const orderId = await newOrder('tok_timeout');
    await reserve(orderId);

    const cancelled = await waitForEvent(orderId, 'OrderCancelled', SETTINGS.paymentDeadlineMs + 30000);
    expect(cancelled.payload).toEqual({ orderId, reason: 'PAYMENT_TIMEOUT' });
    const awaiting = (await orderEvents(orderId)).find((e) => e.event_type === 'OrderAwaitingPayment');
    // recorded_at is the database clock, as the deadline is.
    expect(cancelled.recorded_at.getTime() - awaiting.recorded_at.getTime()).toBeGreaterThanOrEqual(SETTINGS.paymentDeadlineMs - 100);
    // One request, one way: nothing is resent for want of a reply; the deadline decides.
    expect(responder.requestsFor(orderId).map((r) => r.message.data.paymentToken)).toEqual(['tok_timeout']);
    await waitFor('the saga to record the cancellation', async () => (await sagaOf(orderId))?.state === 'CANCELLED');
    expect(await sagaOf(orderId)).toMatchObject({ deadline_at: null });
  });

  describe('every order ends', () => {
    const tokenOf = async (orderId: string) => (await db.query(`SELECT token FROM orders.payment_tokens WHERE order_id = $1`, [orderId])).rows;
    const sagaHandled = (eventId: string) => waitFor(`the saga to handle ${eventId}`, () => processed(eventId));

    it('is cancelled FULFILMENT_TIMEOUT when inventory never answers: the deadline runs from creation', async () => {
      const orderId = await newOrder();
      const [created] = await orderEvents(orderId);
      // Stored with OrderCreated: nothing the saga does later (or fails to do) is needed for it.
      const saga = await sagaOf(orderId);
      expect(saga).toMatchObject({ state: 'PENDING', deadline_at: expect.any(Date) });
      expect(saga.deadline_at.getTime() - created.recorded_at.getTime()).toBeGreaterThanOrEqual(SETTINGS.orderDeadlineMs - 100);

      const cancelled = await waitForEvent(orderId, 'OrderCancelled', SETTINGS.orderDeadlineMs + 30000);
      expect(cancelled.payload).toEqual({ orderId, reason: 'FULFILMENT_TIMEOUT' });
      expect(cancelled.recorded_at.getTime() - created.recorded_at.getTime()).toBeGreaterThanOrEqual(SETTINGS.orderDeadlineMs - 100);
      await sagaHandled(cancelled.event_id);
      // No payment was ever requested: nothing to refund, and the token is gone.
      expect(responder.requestsFor(orderId)).toEqual([]);
      expect(responder.refundsFor(orderId)).toEqual([]);
      expect(await tokenOf(orderId)).toEqual([]);
      expect(await sagaOf(orderId)).toMatchObject({ state: 'CANCELLED', deadline_at: null });
    });

    it('asks for a refund when the deadline cancels an order whose payment was requested, and records the refund', async () => {
      const orderId = await newOrder('tok_timeout');
      await reserve(orderId);
      const cancelled = await waitForEvent(orderId, 'OrderCancelled', SETTINGS.paymentDeadlineMs + 30000);
      expect(cancelled.payload.reason).toBe('PAYMENT_TIMEOUT');

      const [refund] = await waitFor('the refundPayment request', () => responder.refundsFor(orderId).length > 0 && responder.refundsFor(orderId));
      expect(refund).toEqual({
        key: orderId,
        message: { commandId: `refund:${orderId}`, correlationId: expect.any(String), issuedBy: null, data: { orderId }, auth: expect.objectContaining({ sender: 'order' }) },
      });
      expect(await tokenOf(orderId)).toEqual([]);

      // The payment succeeded after all (its outcome was only late): the saga says a refund is due.
      const paymentId = randomUUID();
      await paymentProcessed(orderId, paymentId);
      await waitFor('the saga to flag the refund', async () => (await sagaOf(orderId))?.state === 'REFUND_DUE');
      expect(await eventTypes(orderId)).toEqual(['OrderCreated', 'OrderAwaitingPayment', 'OrderCancelled']);

      const refunded = envelope('PaymentRefunded', 'payment', paymentId, { paymentId, orderId, amountCents: TOTAL });
      await publish(TOPICS.payments, refunded);
      await publish(TOPICS.payments, refunded);
      const recorded = await waitForEvent(orderId, 'OrderRefunded');
      expect(recorded.payload).toEqual({ orderId, paymentId, amountCents: TOTAL });
      await waitFor('the saga to end REFUNDED', async () => (await sagaOf(orderId))?.state === 'REFUNDED');
      // A late duplicate of the payment's outcome cannot take the state back.
      await sagaHandled((await paymentProcessed(orderId, paymentId)).eventId);
      expect((await sagaOf(orderId)).state).toBe('REFUNDED');
      expect(await eventTypes(orderId)).toEqual(['OrderCreated', 'OrderAwaitingPayment', 'OrderCancelled', 'OrderRefunded']);
    });

    it('asks for no refund for an order cancelled out of stock, and forgets the token of a confirmed one', async () => {
      const outOfStock = await newOrder();
      await publish(
        TOPICS.inventory,
        envelope('InventoryReservationFailed', 'reservation', outOfStock, { orderId: outOfStock, reason: 'OUT_OF_STOCK', lines: [{ sku: LINES[0].sku, requested: 2, available: 0 }] }),
      );
      await sagaHandled((await waitForEvent(outOfStock, 'OrderCancelled')).event_id);
      expect(responder.refundsFor(outOfStock)).toEqual([]);

      const paid = await newOrder();
      await reserve(paid);
      await waitFor('the processPayment request', () => responder.requestsFor(paid).length > 0);
      await paymentProcessed(paid, paymentIds.get(paid)!);
      await sagaHandled((await waitForEvent(paid, 'OrderConfirmed')).event_id);
      expect(await tokenOf(paid)).toEqual([]);
      expect(responder.refundsFor(paid)).toEqual([]);
    });
  });

  describe('commands racing on one order', () => {
    const cause = () => ({ eventId: randomUUID(), correlationId: `race-${run}`, userId: null });
    const awaitingPayment = async () => {
      const orderId = await newOrder();
      // Straight through the bus: no payment request, so no deadline to interfere.
      await app.get(CommandBus).execute(new MarkOrderAwaitingPaymentCommand(orderId, PRICED, TOTAL, cause()));
      return orderId;
    };

    it('settles a payment racing the deadline on one outcome, and flags a refund when the deadline won', async () => {
      const orderId = await awaitingPayment();
      const paymentId = randomUUID();
      const bus = app.get(CommandBus);

      await Promise.all([
        bus.execute(new ConfirmOrderCommand(orderId, paymentId, TOTAL, cause())),
        bus.execute(new CancelOrderCommand(orderId, 'PAYMENT_TIMEOUT', SYSTEM, fromDeadline(orderId, null))),
      ]);

      const types = await eventTypes(orderId);
      expect(types).toHaveLength(3);
      expect((await sagaOf(orderId)).state).toBe(types[2] === 'OrderConfirmed' ? 'CONFIRMED' : 'REFUND_DUE');
    });

    it('appends once when one event is handled twice at the same time (two replicas, a redelivery)', async () => {
      const orderId = await awaitingPayment();
      const command = new ConfirmOrderCommand(orderId, randomUUID(), TOTAL, cause());
      const bus = app.get(CommandBus);

      await Promise.all([bus.execute(command), bus.execute(command), bus.execute(command)]);

      expect(await eventTypes(orderId)).toEqual(['OrderCreated', 'OrderAwaitingPayment', 'OrderConfirmed']);
    });
  });

  describe('idempotency', () => {
    it('creates one order for one idempotency key, also when both requests arrive at once', async () => {
      const data = { lines: LINES, paymentToken: VISA, idempotencyKey: `key-${run}` };
      const [a, b] = await Promise.all([createOrder(data), createOrder(data)]);
      const c = await createOrder(data);

      expect(a.ok && b.ok && c.ok).toBe(true);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      if (!a.ok) return;
      expect(await eventTypes(a.result.orderId)).toEqual(['OrderCreated']);
      expect((await db.query(`SELECT order_id FROM orders.order_requests WHERE user_id = $1`, [customer.userId])).rows).toEqual([{ order_id: a.result.orderId }]);
    });

    it('gives another user their own order for the same key', async () => {
      const data = { lines: LINES, paymentToken: VISA, idempotencyKey: `key-${run}` };
      const [mine, theirs] = [await createOrder(data), await createOrder(data, otherCustomer)];

      expect(mine.ok && theirs.ok && mine.result.orderId !== theirs.result.orderId).toBe(true);
    });

    it('answers a resent command (same commandId, no key) with the first order', async () => {
      const commandId = randomUUID();
      const first = await createOrder({ lines: LINES, paymentToken: VISA }, customer, commandId);
      const again = await createOrder({ lines: LINES, paymentToken: VISA }, customer, commandId);

      expect(again).toEqual(first);
      const owned = await db.query(`SELECT count(*)::int AS n FROM orders.events WHERE metadata->>'causationId' = $1`, [commandId]);
      expect(owned.rows[0].n).toBe(1);
    });
  });

  describe('cancelOrder', () => {
    it('lets the owner cancel, with the free text as detail, and answers a second cancel with the same result', async () => {
      const orderId = await newOrder();

      const reply = await cancel(orderId, customer, 'found it cheaper');
      expect(reply).toEqual({ ok: true, result: { aggregateId: orderId, version: 2, position: expect.stringMatching(/^\d+$/) } });
      expect((await orderEvents(orderId))[1].payload).toEqual({ orderId, reason: 'CANCELLED_BY_CUSTOMER', detail: 'found it cheaper' });
      expect(await cancel(orderId, customer)).toEqual(reply);
      expect(await eventTypes(orderId)).toEqual(['OrderCreated', 'OrderCancelled']);
    });

    it('refuses another customer with FORBIDDEN, and lets an admin cancel', async () => {
      const orderId = await newOrder();

      expect(await cancel(orderId, otherCustomer)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
      expect(await eventTypes(orderId)).toEqual(['OrderCreated']);
      expect(await cancel(orderId, admin)).toMatchObject({ ok: true, result: { aggregateId: orderId, version: 2 } });
    });

    it('answers NOT_FOUND for an unknown order and UNAUTHENTICATED without a user', async () => {
      expect(await cancel(randomUUID(), customer)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
      expect(await cancel(randomUUID(), null)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    });
  });

  it('refuses a customer more orders holding stock than the limit (RATE_LIMITED), others not, and takes one again once one ends', async () => {
    const hoarder: Issuer = { userId: randomUUID(), role: 'CUSTOMER' };
    const held: string[] = [];
    for (let i = 0; i < SETTINGS.openOrdersPerCustomer; i++) {
      const reply = await createOrder({ lines: LINES, paymentToken: 'tok_timeout' }, hoarder);
      if (!reply.ok) throw new Error(`order ${i + 1} refused: ${JSON.stringify(reply.error)}`);
      held.push(reply.result.orderId);
    }

    expect(await createOrder({ lines: LINES, paymentToken: 'tok_timeout' }, hoarder)).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining(`at most ${SETTINGS.openOrdersPerCustomer}`) } });
    expect(await createOrder({ lines: LINES, paymentToken: VISA }, { userId: randomUUID(), role: 'CUSTOMER' })).toMatchObject({ ok: true });
    expect(await cancel(held[0], hoarder)).toMatchObject({ ok: true });
    await waitFor('a place for the hoarder again', async () => (await createOrder({ lines: LINES, paymentToken: 'tok_timeout' }, hoarder)).ok, { timeoutMs: 10_000, intervalMs: 200 });
  });

  describe('createOrder input', () => {
    it.each([
      ['lines', { lines: [], paymentToken: VISA }],
      ['lines.1.quantity', { lines: [LINES[0], { sku: 's', quantity: 0 }], paymentToken: VISA }],
      ['lines.0.sku', { lines: [{ sku: 's'.repeat(65), quantity: 1 }], paymentToken: VISA }],
      ['idempotencyKey', { lines: LINES, paymentToken: VISA, idempotencyKey: 'k'.repeat(201) }],
    ])('refuses a bad %s as BAD_USER_INPUT naming it', async (field, data) => {
      expect(await createOrder(data)).toEqual({ ok: false, error: { code: 'BAD_USER_INPUT', message: expect.any(String), field } });
    });

    it('refuses a card token in clear (not sealed to the payment service) as BAD_USER_INPUT, and stores nothing', async () => {
      const reply = await createOrder({ lines: LINES, paymentToken: VISA }, customer, undefined, true);
      expect(reply).toEqual({ ok: false, error: { code: 'BAD_USER_INPUT', message: 'paymentToken must be sealed to the payment service', field: 'paymentToken' } });
    });

    it('refuses an anonymous createOrder as UNAUTHENTICATED', async () => {
      expect(await send(COMMANDS.createOrder, { lines: LINES, paymentToken: VISA }, null)).toEqual({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: expect.any(String) },
      });
    });
  });

  it('never writes a payment token into the orders event store', async () => {
    const leaks = await db.query(
      `SELECT count(*)::int AS n FROM orders.events WHERE stream_id = ANY($1) AND (payload::text LIKE '%tok\\_%' OR metadata::text LIKE '%tok\\_%')`,
      [created.map((id) => `order-${id}`)],
    );

    expect(created.length).toBeGreaterThan(5);
    expect(leaks.rows[0].n).toBe(0);
  });
});
