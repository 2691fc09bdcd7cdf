import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderAwaitingPayment, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../shared/event-handler';
import { updateOrderView } from './order-view-update';

type Payload = OrderAwaitingPayment['payload'];

/** Stock is reserved: the lines now carry the reserved prices, and the total is known. */
@Injectable()
export class OrderAwaitingPaymentProjection implements EventHandler<Payload> {
  readonly eventType = OrderAwaitingPayment.type;

  async handle(event: EventEnvelope<Payload>, em: EntityManager): Promise<void> {
    const { orderId, lines, totalCents } = event.payload;
    await updateOrderView(em, orderId, event, {
      status: 'AWAITING_PAYMENT',
      lines: lines.map(({ sku, quantity, unitPriceCents }) => ({ sku, quantity, unitPriceCents })),
      totalCents,
    });
  }
}
