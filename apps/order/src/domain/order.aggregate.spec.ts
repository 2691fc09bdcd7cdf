import { randomUUID } from 'node:crypto';
import { CommandRejected } from '@app/commands';
import { Order } from './order.aggregate';

const lines = [{ sku: 'sku-1', quantity: 2 }];
const priced = [{ sku: 'sku-1', quantity: 2, unitPriceCents: 1250 }];
const paymentId = randomUUID();

const eventsOf = (order: Order) => order.getUncommittedEvents().map((e) => e.type);

/** An order in `status` with no uncommitted events, as if loaded from its stream. */
const orderIn = (status: 'PENDING' | 'AWAITING_PAYMENT' | 'CONFIRMED' | 'CANCELLED'): Order => {
  const order = Order.create(randomUUID(), randomUUID(), lines);
  if (status !== 'PENDING' && status !== 'CANCELLED') order.markAwaitingPayment(priced, 2500);
  if (status === 'CONFIRMED') order.confirm(paymentId, 2500);
  if (status === 'CANCELLED') order.cancel('OUT_OF_STOCK');
  order.uncommit();
  return order;
};

describe('Order', () => {
  it('is created PENDING, owned by its user, with OrderCreated', () => {
    const orderId = randomUUID();
    const userId = randomUUID();
    const order = Order.create(orderId, userId, lines);

    expect(order).toMatchObject({ id: orderId, streamId: `order-${orderId}`, status: 'PENDING', userId, lines });
    expect(order.getUncommittedEvents()).toEqual([expect.objectContaining({ type: 'OrderCreated', payload: { orderId, userId, lines } })]);
  });

  it('awaits payment once inventory priced it, with the prices and the total', () => {
    const order = orderIn('PENDING');
    order.markAwaitingPayment(priced, 2500);

    expect(order).toMatchObject({ status: 'AWAITING_PAYMENT', totalCents: 2500 });
    expect(order.getUncommittedEvents()).toEqual([expect.objectContaining({ type: 'OrderAwaitingPayment', payload: { orderId: order.id, lines: priced, totalCents: 2500 } })]);
  });

  it.each(['AWAITING_PAYMENT', 'CONFIRMED', 'CANCELLED'] as const)('ignores a second reservation when %s (a redelivery, or no longer wanted)', (status) => {
    const order = orderIn(status);
    order.markAwaitingPayment(priced, 2500);

    expect(order.status).toBe(status);
    expect(eventsOf(order)).toEqual([]);
  });

  it('is confirmed by a payment of its total while awaiting payment, and only once', () => {
    const order = orderIn('AWAITING_PAYMENT');
    order.confirm(paymentId, 2500);
    order.confirm(paymentId, 2500);

    expect(order).toMatchObject({ status: 'CONFIRMED', paymentId });
    expect(order.getUncommittedEvents()).toEqual([expect.objectContaining({ type: 'OrderConfirmed', payload: { orderId: order.id, paymentId, totalCents: 2500 } })]);
  });

  it.each(['PENDING', 'CANCELLED'] as const)('refuses a confirmation when %s, as CONFLICT', (status) => {
    const order = orderIn(status);

    expect(() => order.confirm(paymentId, 2500)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(eventsOf(order)).toEqual([]);
  });

  it('refuses a payment of another amount than the total', () => {
    expect(() => orderIn('AWAITING_PAYMENT').confirm(paymentId, 2499)).toThrow(CommandRejected);
  });

  it.each(['PENDING', 'AWAITING_PAYMENT'] as const)('is cancelled from %s with the reason and the detail', (status) => {
    const order = orderIn(status);
    order.cancel('CANCELLED_BY_CUSTOMER', 'changed my mind');

    expect(order).toMatchObject({ status: 'CANCELLED', cancellationReason: 'CANCELLED_BY_CUSTOMER' });
    expect(order.getUncommittedEvents()).toEqual([
      expect.objectContaining({ type: 'OrderCancelled', payload: { orderId: order.id, reason: 'CANCELLED_BY_CUSTOMER', detail: 'changed my mind' } }),
    ]);
  });

  it('leaves detail out of OrderCancelled when there is none', () => {
    const order = orderIn('AWAITING_PAYMENT');
    order.cancel('PAYMENT_TIMEOUT');

    expect(order.getUncommittedEvents()[0].payload).toEqual({ orderId: order.id, reason: 'PAYMENT_TIMEOUT' });
  });

  it('appends nothing when cancelled again (idempotent)', () => {
    const order = orderIn('CANCELLED');
    order.cancel('PAYMENT_FAILED');

    expect(order).toMatchObject({ status: 'CANCELLED', cancellationReason: 'OUT_OF_STOCK' });
    expect(eventsOf(order)).toEqual([]);
  });

  it('refuses to cancel a confirmed order, as CONFLICT', () => {
    const order = orderIn('CONFIRMED');

    expect(() => order.cancel('CANCELLED_BY_CUSTOMER')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(order.status).toBe('CONFIRMED');
  });

  it('names the deadline by how far the order got: FULFILMENT_TIMEOUT while PENDING, else PAYMENT_TIMEOUT', () => {
    expect(orderIn('PENDING').deadlineReason()).toBe('FULFILMENT_TIMEOUT');
    expect(orderIn('AWAITING_PAYMENT').deadlineReason()).toBe('PAYMENT_TIMEOUT');
  });

  it('knows whether a payment was requested: only once it awaited payment', () => {
    expect(orderIn('PENDING').paymentRequested).toBe(false);
    expect(orderIn('CANCELLED').paymentRequested).toBe(false);
    expect(orderIn('AWAITING_PAYMENT').paymentRequested).toBe(true);
  });

  it('records the refund of a cancelled order once, with OrderRefunded', () => {
    const order = orderIn('AWAITING_PAYMENT');
    order.cancel('PAYMENT_TIMEOUT');
    order.uncommit();

    order.recordRefund(paymentId, 2500);
    order.recordRefund(paymentId, 2500);

    expect(order).toMatchObject({ status: 'CANCELLED', refunded: true, paymentId });
    expect(order.getUncommittedEvents()).toEqual([expect.objectContaining({ type: 'OrderRefunded', payload: { orderId: order.id, paymentId, amountCents: 2500 } })]);
  });

  it('refuses a refund for an order that is not cancelled, as CONFLICT', () => {
    expect(() => orderIn('CONFIRMED').recordRefund(paymentId, 2500)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('rebuilds the same state from its history', () => {
    const original = Order.create(randomUUID(), randomUUID(), lines);
    original.markAwaitingPayment(priced, 2500);
    original.confirm(paymentId, 2500);
    const replayed = new Order(original.id);
    replayed.loadFromHistory(original.getUncommittedEvents());

    expect(replayed).toMatchObject({ status: 'CONFIRMED', userId: original.userId, lines, totalCents: 2500, paymentId });
    expect(eventsOf(replayed)).toEqual([]);
  });
});
