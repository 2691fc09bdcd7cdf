import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderCancelled, type EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import type { EventHandler } from '../../shared/event-handler';
import { type OrderFactChanges, updateOrderFact } from './order-fact';

type Payload = OrderCancelled['payload'];

export const orderCancelledFactChanges = (event: EventEnvelope<Payload>): OrderFactChanges => ({ status: 'CANCELLED', cancelled_at: event.occurredAt, cancellation_reason: event.payload.reason });

/** Keeps a priced total if there was one: what a cancellation cost is worth reporting later. */
@Injectable()
export class RecordOrderCancelled implements EventHandler<Payload> {
  readonly eventType = OrderCancelled.type;

  async handle(event: EventEnvelope<Payload>, em: EntityManager, run: RunScope): Promise<void> {
    await updateOrderFact(em, run, event.payload.orderId, event, orderCancelledFactChanges(event));
  }
}
