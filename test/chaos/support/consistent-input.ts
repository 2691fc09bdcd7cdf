import { randomUUID } from 'node:crypto';
import { CONSUMERS } from '../oracle/consumers';
import type { OracleInput } from '../oracle/oracle-input';
import { foldStreams } from '../oracle/snapshot';
import { type Store, type StoredEvent, topicOf } from '../oracle/stored-events';

const NS = 'ns';
let position = 0;
const event = (store: Store, streamId: string, version: number, type: string, payload: Record<string, unknown>): StoredEvent => ({
  store, streamId, version, type, payload, eventId: randomUUID(), position: String(++position), recordedAt: new Date(), inScope: true,
});

/**
 * One customer, one product of 5 units, one order of 1 unit confirmed and paid, and every copy
 * (views, warehouse, search, claims, Kafka, mail) exactly as the stores say: the oracle must
 * find nothing here, and each test breaks one thing to see the matching check fail.
 */
export const consistentInput = (): OracleInput => {
  const [userId, orderId, paymentId, sku] = [randomUUID(), randomUUID(), randomUUID(), 'SKU-1'];
  const line = { sku, quantity: 1, unitPriceCents: 100 };
  const events = [
    event('users', `user-${userId}`, 1, 'UserRegistered', { userId, email: 'a@example.test', name: 'Ada', role: 'CUSTOMER' }),
    event('inventory', `product-${sku}`, 1, 'ProductAdded', { sku, name: 'Teapot', priceCents: 100, initialStock: 5 }),
    event('orders', `order-${orderId}`, 1, 'OrderCreated', { orderId, userId, lines: [{ sku, quantity: 1 }] }),
    event('inventory', `reservation-${orderId}`, 1, 'InventoryReserved', { orderId, lines: [line], totalCents: 100 }),
    event('orders', `order-${orderId}`, 2, 'OrderAwaitingPayment', { orderId, lines: [line], totalCents: 100 }),
    event('payments', `payment-${paymentId}`, 1, 'PaymentProcessed', { paymentId, orderId, amountCents: 100 }),
    event('orders', `order-${orderId}`, 3, 'OrderConfirmed', { orderId, paymentId, totalCents: 100 }),
    event('inventory', `reservation-${orderId}`, 2, 'InventoryCommitted', { orderId, lines: [{ sku, quantity: 1 }] }),
  ];
  const folded = foldStreams(events);
  const emails = [
    { id: randomUUID(), channel: 'EMAIL', template: 'WELCOME', status: 'SENT', event_id: events[0].eventId },
    { id: randomUUID(), channel: 'EMAIL', template: 'ORDER_CONFIRMED', status: 'SENT', event_id: events[6].eventId },
  ];
  const eventIds = new Map<string, Set<string>>();
  for (const e of events) eventIds.set(topicOf(NS, e.store, e.type), new Set([...(eventIds.get(topicOf(NS, e.store, e.type)) ?? []), e.eventId]));
  const claims = CONSUMERS.flatMap((c) => events.filter((e) => c.topics.some((t) => topicOf(NS, e.store, e.type) === `${NS}.${t}.events`)).map((e) => `${c.name} ${e.eventId}`));
  const order = { id: orderId, user_id: userId, status: 'CONFIRMED', lines: [line], total_cents: 100, cancellation_reason: null };
  return {
    namespace: NS,
    snapshot: {
      baseline: { positions: { users: '0', orders: '0', payments: '0', inventory: '0', notifications: '0' }, since: 0 },
      ...folded,
      claims: new Set(claims),
      deliveries: emails,
      parked: new Map(),
      rows: {
        orderView: new Map([[orderId, order]]),
        paymentView: new Map([[orderId, { id: paymentId, order_id: orderId, amount_cents: 100, status: 'PROCESSED' }]]),
        productView: new Map([[sku, { sku, name: 'Teapot', price_cents: 100, available: 4, reserved: 0 }]]),
        userView: new Map([[userId, { id: userId, email: 'a@example.test', name: 'Ada', role: 'CUSTOMER' }]]),
        facts: new Map([[orderId, { order_id: orderId, status: 'CONFIRMED', total_cents: '100' }]]),
        stock: new Map([[sku, { sku, on_hand: 4, reserved: 0 }]]),
        reservations: new Map([[orderId, { order_id: orderId, status: 'COMMITTED' }]]),
        payments: new Map([[orderId, { order_id: orderId, payment_id: paymentId, status: 'PROCESSED', amount_cents: 100 }]]),
      },
    },
    kafka: { eventIds, deadLetters: [] },
    search: {
      orders: new Map([[orderId, { orderId, userId, status: 'CONFIRMED', totalCents: 100, cancellationReason: null, skus: [sku] }]]),
      products: new Map([[sku, { sku, name: 'Teapot', priceCents: 100 }]]),
      users: new Map([[userId, { id: userId, email: 'a@example.test', name: 'Ada', role: 'CUSTOMER' }]]),
    },
    mails: new Map(emails.map((d) => [d.id, 1])),
    acks: [
      { command: 'registerUser', streamId: `user-${userId}`, type: 'UserRegistered', version: 1, exact: true },
      { command: 'createOrder', streamId: `order-${orderId}`, type: 'OrderCreated', version: 1, exact: true },
    ],
    poison: [],
    orderDeadlineMs: 120_000,
    now: Date.now(),
  };
};
