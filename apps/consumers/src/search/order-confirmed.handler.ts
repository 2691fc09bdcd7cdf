import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderConfirmed, type EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import type { EventHandler } from '../shared/event-handler';
import { OrderDocumentWriter, type OrderChanges } from './order-document.writer';

type Payload = OrderConfirmed['payload'];

/** What OrderConfirmed sets on the order's document; the rebuild (rebuild/) applies the same. */
export const orderConfirmedChanges = (event: EventEnvelope<Payload>): OrderChanges => ({ status: 'CONFIRMED', totalCents: event.payload.totalCents });

@Injectable()
export class IndexOrderConfirmed implements EventHandler<Payload> {
  readonly eventType = OrderConfirmed.type;

  constructor(private readonly orders: OrderDocumentWriter) {}

  handle(event: EventEnvelope<Payload>, _em: EntityManager, run: RunScope): Promise<void> {
    return this.orders.apply(event, orderConfirmedChanges(event), run);
  }
}
