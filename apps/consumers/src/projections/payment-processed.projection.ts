import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PaymentProcessed, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../shared/event-handler';
import { type PaymentOutcome, upsertPaymentView } from './payment-view-upsert';

type Payload = PaymentProcessed['payload'];

export const paymentProcessedOutcome = (_event: EventEnvelope<Payload>): PaymentOutcome => ({ status: 'PROCESSED', failureReason: null });

@Injectable()
export class PaymentProcessedProjection implements EventHandler<Payload> {
  readonly eventType = PaymentProcessed.type;

  async handle(event: EventEnvelope<Payload>, em: EntityManager): Promise<void> {
    await upsertPaymentView(em, event, paymentProcessedOutcome(event));
  }
}
