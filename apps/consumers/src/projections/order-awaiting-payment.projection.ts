import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderAwaitingPayment, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../shared/event-handler';
import { type OrderViewChanges, updateOrderView } from './order-view-update';

type Payload = OrderAwaitingPayment['payload'];

/** What the event sets on the order's row (the live handler and a rebuild alike). */
export const orderAwaitingPaymentViewChanges = ({ payload: { lines, totalCents } }: EventEnvelope<Payload>): OrderViewChanges => ({
  status: 'AWAITING_PAYMENT',
  lines: lines.map(({ sku, quantity, unitPriceCents }) => ({ sku, quantity, unitPriceCents })),
  totalCents,
});

/** Stock is reserved: the lines now carry the reserved prices, and the total is known. */
@Injectable()
export class OrderAwaitingPaymentProjection implements EventHandler<Payload> {
  readonly eventType = OrderAwaitingPayment.type;

  async handle(event: EventEnvelope<Payload>, em: EntityManager): Promise<void> {
    await updateOrderView(em, event.payload.orderId, event, orderAwaitingPaymentViewChanges(event));
  }
}
