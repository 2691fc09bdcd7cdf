import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderCancelled, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../shared/event-handler';
import { type OrderViewChanges, updateOrderView } from './order-view-update';

type Payload = OrderCancelled['payload'];

export const orderCancelledViewChanges = (event: EventEnvelope<Payload>): OrderViewChanges => ({ status: 'CANCELLED', cancellationReason: event.payload.reason });

/** Keeps the stable `reason` (what clients branch on); `detail` stays in the event history. */
@Injectable()
export class OrderCancelledProjection implements EventHandler<Payload> {
  readonly eventType = OrderCancelled.type;

  async handle(event: EventEnvelope<Payload>, em: EntityManager): Promise<void> {
    await updateOrderView(em, event.payload.orderId, event, orderCancelledViewChanges(event));
  }
}
