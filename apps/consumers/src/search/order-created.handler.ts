import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderCreated, type EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import type { EventHandler } from '../shared/event-handler';
import { OrderDocumentWriter } from './order-document.writer';

type Payload = OrderCreated['payload'];

@Injectable()
export class IndexOrderCreated implements EventHandler<Payload> {
  readonly eventType = OrderCreated.type;

  constructor(private readonly orders: OrderDocumentWriter) {}

  handle(event: EventEnvelope<Payload>, _em: EntityManager, run: RunScope): Promise<void> {
    const { userId, lines } = event.payload;
    const skus = [...new Set(lines.map((l) => l.sku))];
    return this.orders.apply(event, { userId, skus, status: 'PENDING', createdAt: event.occurredAt }, run);
  }
}
