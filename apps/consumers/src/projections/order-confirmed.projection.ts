import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderConfirmed, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../shared/event-handler';
import { type OrderViewChanges, updateOrderView } from './order-view-update';

type Payload = OrderConfirmed['payload'];

export const orderConfirmedViewChanges = (event: EventEnvelope<Payload>): OrderViewChanges => ({ status: 'CONFIRMED', totalCents: event.payload.totalCents });

/** Paid. The payment itself is shown from payment_view (keyed by order), not copied here. */
@Injectable()
export class OrderConfirmedProjection implements EventHandler<Payload> {
  readonly eventType = OrderConfirmed.type;

  async handle(event: EventEnvelope<Payload>, em: EntityManager): Promise<void> {
    await updateOrderView(em, event.payload.orderId, event, orderConfirmedViewChanges(event));
  }
}
