import { type EventEnvelope, OrderAwaitingPayment, OrderCancelled, OrderConfirmed, OrderCreated } from '@app/events';
import type { OrderView } from '@app/read-model';

/**
 * The events that change an order's status. Not OrderRefunded: it follows OrderCancelled and
 * changes nothing an Order shows (the payment's REFUNDED is Order.payment, from payment_view).
 */
export const ORDER_STATUS_EVENTS: ReadonlySet<string> = new Set([OrderCreated.type, OrderAwaitingPayment.type, OrderConfirmed.type, OrderCancelled.type]);

/**
 * `order` with `event` applied, as the projection would (the fields Order shows). Used only when
 * the read model has not caught up in time; an event at or below the order's version changes nothing.
 */
export function applyOrderEvent(order: OrderView, event: EventEnvelope): OrderView {
  if (event.streamVersion <= order.version) return order;
  const next: OrderView = { ...order, version: event.streamVersion, updatedAt: new Date(event.occurredAt) };
  switch (event.type) {
    case OrderCreated.type:
      return { ...next, status: 'PENDING' };
    case OrderAwaitingPayment.type: {
      const { lines, totalCents } = event.payload as OrderAwaitingPayment['payload'];
      return { ...next, status: 'AWAITING_PAYMENT', lines, totalCents };
    }
    case OrderConfirmed.type:
      return { ...next, status: 'CONFIRMED', totalCents: (event.payload as OrderConfirmed['payload']).totalCents };
    case OrderCancelled.type:
      return { ...next, status: 'CANCELLED', cancellationReason: (event.payload as OrderCancelled['payload']).reason };
    default:
      return order;
  }
}
