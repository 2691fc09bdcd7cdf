import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderCancelled, type EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import type { EventHandler } from '../shared/event-handler';
import { OrderDocumentWriter, type OrderChanges } from './order-document.writer';

type Payload = OrderCancelled['payload'];

/** What OrderCancelled sets on the order's document; the rebuild (rebuild/) applies the same. */
export const orderCancelledChanges = (event: EventEnvelope<Payload>): OrderChanges => ({ status: 'CANCELLED', cancellationReason: event.payload.reason });

@Injectable()
export class IndexOrderCancelled implements EventHandler<Payload> {
  readonly eventType = OrderCancelled.type;

  constructor(private readonly orders: OrderDocumentWriter) {}

  handle(event: EventEnvelope<Payload>, _em: EntityManager, run: RunScope): Promise<void> {
    return this.orders.apply(event, orderCancelledChanges(event), run);
  }
}
