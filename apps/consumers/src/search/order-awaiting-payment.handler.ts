import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderAwaitingPayment, type EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import type { EventHandler } from '../shared/event-handler';
import { OrderDocumentWriter, type OrderChanges } from './order-document.writer';

type Payload = OrderAwaitingPayment['payload'];

/** What OrderAwaitingPayment sets on the order's document; the rebuild (rebuild/) applies the same. */
export const orderAwaitingPaymentChanges = (event: EventEnvelope<Payload>): OrderChanges => {
  const { lines, totalCents } = event.payload;
  // The lines again: enough to index an order whose OrderCreated we never saw.
  const skus = [...new Set(lines.map((l) => l.sku))];
  return { status: 'AWAITING_PAYMENT', skus, totalCents };
};

@Injectable()
export class IndexOrderAwaitingPayment implements EventHandler<Payload> {
  readonly eventType = OrderAwaitingPayment.type;

  constructor(private readonly orders: OrderDocumentWriter) {}

  handle(event: EventEnvelope<Payload>, _em: EntityManager, run: RunScope): Promise<void> {
    return this.orders.apply(event, orderAwaitingPaymentChanges(event), run);
  }
}
