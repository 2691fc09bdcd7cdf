import { Injectable } from '@nestjs/common';
import { OrderCancelled, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../shared/event-handler';
import { OrderDocumentWriter } from './order-document.writer';

type Payload = OrderCancelled['payload'];

@Injectable()
export class OrderCancelledHandler implements EventHandler<Payload> {
  readonly eventType = OrderCancelled.type;

  constructor(private readonly orders: OrderDocumentWriter) {}

  handle(event: EventEnvelope<Payload>): Promise<void> {
    return this.orders.apply(event, { status: 'CANCELLED', cancellationReason: event.payload.reason });
  }
}
