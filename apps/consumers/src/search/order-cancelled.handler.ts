import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderCancelled, type EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import type { EventHandler } from '../shared/event-handler';
import { OrderDocumentWriter } from './order-document.writer';

type Payload = OrderCancelled['payload'];

@Injectable()
export class IndexOrderCancelled implements EventHandler<Payload> {
  readonly eventType = OrderCancelled.type;

  constructor(private readonly orders: OrderDocumentWriter) {}

  handle(event: EventEnvelope<Payload>, _em: EntityManager, run: RunScope): Promise<void> {
    return this.orders.apply(event, { status: 'CANCELLED', cancellationReason: event.payload.reason }, run);
  }
}
