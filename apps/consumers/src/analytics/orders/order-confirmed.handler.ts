import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderConfirmed, type EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import type { EventHandler } from '../../shared/event-handler';
import { type OrderFactChanges, updateOrderFact } from './order-fact';

type Payload = OrderConfirmed['payload'];

export const orderConfirmedFactChanges = (event: EventEnvelope<Payload>): OrderFactChanges => ({ status: 'CONFIRMED', total_cents: event.payload.totalCents, confirmed_at: event.occurredAt });

@Injectable()
export class RecordOrderConfirmed implements EventHandler<Payload> {
  readonly eventType = OrderConfirmed.type;

  async handle(event: EventEnvelope<Payload>, em: EntityManager, run: RunScope): Promise<void> {
    await updateOrderFact(em, run, event.payload.orderId, event, orderConfirmedFactChanges(event));
  }
}
