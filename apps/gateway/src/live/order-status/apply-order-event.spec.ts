import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@app/events';
import type { OrderView } from '@app/read-model';
import { applyOrderEvent, ORDER_STATUS_EVENTS } from './apply-order-event';

const id = randomUUID();
const pending: OrderView = {
  id,
  userId: randomUUID(),
  status: 'PENDING',
  lines: [{ sku: 'SKU-1', quantity: 2, unitPriceCents: null }],
  totalCents: null,
  cancellationReason: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  version: 1,
};
const event = (type: string, streamVersion: number, payload: object): EventEnvelope => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  streamId: `order-${id}`,
  aggregateId: id,
  streamVersion,
  occurredAt: '2026-01-01T00:00:05.000Z',
  payload: { orderId: id, ...payload },
  metadata: { correlationId: randomUUID(), causationId: null, userId: null },
});

describe('applyOrderEvent', () => {
  it('prices the lines on OrderAwaitingPayment and moves version and updatedAt', () => {
    const priced = [{ sku: 'SKU-1', quantity: 2, unitPriceCents: 500 }];
    const next = applyOrderEvent(pending, event('OrderAwaitingPayment', 2, { lines: priced, totalCents: 1000 }));

    expect(next).toMatchObject({ status: 'AWAITING_PAYMENT', lines: priced, totalCents: 1000, version: 2, updatedAt: new Date('2026-01-01T00:00:05Z') });
    expect(pending.status).toBe('PENDING');
  });

  it('confirms with the total, and cancels with the reason', () => {
    expect(applyOrderEvent(pending, event('OrderConfirmed', 3, { paymentId: randomUUID(), totalCents: 1000 }))).toMatchObject({ status: 'CONFIRMED', totalCents: 1000, version: 3 });
    expect(applyOrderEvent(pending, event('OrderCancelled', 2, { reason: 'OUT_OF_STOCK' }))).toMatchObject({ status: 'CANCELLED', cancellationReason: 'OUT_OF_STOCK' });
  });

  it('cancels with a reason newer than v1 (FULFILMENT_TIMEOUT), and leaves a cancelled order as it is on OrderRefunded', () => {
    const cancelled = applyOrderEvent(pending, event('OrderCancelled', 2, { reason: 'FULFILMENT_TIMEOUT' }));
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'FULFILMENT_TIMEOUT', version: 2 });

    expect(applyOrderEvent(cancelled, event('OrderRefunded', 3, { paymentId: randomUUID(), amountCents: 1000 }))).toBe(cancelled);
    expect(ORDER_STATUS_EVENTS.has('OrderRefunded')).toBe(false);
  });

  it('leaves the order as it is for an event it has already applied', () => {
    expect(applyOrderEvent({ ...pending, version: 3 }, event('OrderCancelled', 2, { reason: 'OUT_OF_STOCK' }))).toMatchObject({ status: 'PENDING', version: 3 });
  });
});
