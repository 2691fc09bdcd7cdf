import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderCreated, type EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import type { EventHandler } from '../shared/event-handler';
import { OrderDocumentWriter, type OrderChanges } from './order-document.writer';

type Payload = OrderCreated['payload'];

/** What OrderCreated sets on the order's document; the rebuild (rebuild/) applies the same. */
export const orderCreatedChanges = (event: EventEnvelope<Payload>): OrderChanges => {
  const { userId, lines } = event.payload;
  const skus = [...new Set(lines.map((l) => l.sku))];
  return { userId, skus, status: 'PENDING', createdAt: event.occurredAt };
};

@Injectable()
export class IndexOrderCreated implements EventHandler<Payload> {
  readonly eventType = OrderCreated.type;

  constructor(private readonly orders: OrderDocumentWriter) {}

  handle(event: EventEnvelope<Payload>, _em: EntityManager, run: RunScope): Promise<void> {
    return this.orders.apply(event, orderCreatedChanges(event), run);
  }
}
