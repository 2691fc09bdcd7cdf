import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PaymentFailed, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../shared/event-handler';
import { type PaymentOutcome, upsertPaymentView } from './payment-view-upsert';

type Payload = PaymentFailed['payload'];

export const paymentFailedOutcome = (event: EventEnvelope<Payload>): PaymentOutcome => ({ status: 'FAILED', failureReason: event.payload.reason });

/**
 * `failureReason` is the stable code (DECLINED, TIMEOUT, ERROR). The provider's `message` stays
 * out of the view: it is free text from outside, shown with every order, and clients must not
 * branch on it. It remains in the event history for support.
 */
@Injectable()
export class PaymentFailedProjection implements EventHandler<Payload> {
  readonly eventType = PaymentFailed.type;

  async handle(event: EventEnvelope<Payload>, em: EntityManager): Promise<void> {
    await upsertPaymentView(em, event, paymentFailedOutcome(event));
  }
}
