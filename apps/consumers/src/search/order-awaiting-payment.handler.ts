import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderAwaitingPayment, type EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import type { EventHandler } from '../shared/event-handler';
import { OrderDocumentWriter } from './order-document.writer';

type Payload = OrderAwaitingPayment['payload'];

@Injectable()
export class IndexOrderAwaitingPayment implements EventHandler<Payload> {
  readonly eventType = OrderAwaitingPayment.type;

  constructor(private readonly orders: OrderDocumentWriter) {}

  handle(event: EventEnvelope<Payload>, _em: EntityManager, run: RunScope): Promise<void> {
    const { lines, totalCents } = event.payload;
    // The lines again: enough to index an order whose OrderCreated we never saw.
    const skus = [...new Set(lines.map((l) => l.sku))];
    return this.orders.apply(event, { status: 'AWAITING_PAYMENT', skus, totalCents }, run);
  }
}
