import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderAwaitingPayment, type EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import type { EventHandler } from '../../shared/event-handler';
import { updateOrderFact } from './order-fact';

type Payload = OrderAwaitingPayment['payload'];

/** Priced: the total is kept on the fact, but counts as revenue only once the order is confirmed. */
@Injectable()
export class RecordOrderAwaitingPayment implements EventHandler<Payload> {
  readonly eventType = OrderAwaitingPayment.type;

  async handle(event: EventEnvelope<Payload>, em: EntityManager, run: RunScope): Promise<void> {
    await updateOrderFact(em, run, event.payload.orderId, event, { status: 'AWAITING_PAYMENT', total_cents: event.payload.totalCents });
  }
}
