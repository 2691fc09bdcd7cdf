import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderAwaitingPayment, type EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import type { EventHandler } from '../../shared/event-handler';
import { type OrderFactChanges, updateOrderFact } from './order-fact';

type Payload = OrderAwaitingPayment['payload'];

/** What the event sets on the order's fact (the live handler and a rebuild alike). */
export const orderAwaitingPaymentFactChanges = (event: EventEnvelope<Payload>): OrderFactChanges => ({ status: 'AWAITING_PAYMENT', total_cents: event.payload.totalCents });

/** Priced: the total is kept on the fact, but counts as revenue only once the order is confirmed. */
@Injectable()
export class RecordOrderAwaitingPayment implements EventHandler<Payload> {
  readonly eventType = OrderAwaitingPayment.type;

  async handle(event: EventEnvelope<Payload>, em: EntityManager, run: RunScope): Promise<void> {
    await updateOrderFact(em, run, event.payload.orderId, event, orderAwaitingPaymentFactChanges(event));
  }
}
