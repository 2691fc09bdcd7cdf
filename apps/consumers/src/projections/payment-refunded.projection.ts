import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PaymentRefunded, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../shared/event-handler';
import { type PaymentOutcome, upsertPaymentView } from './payment-view-upsert';

type Payload = PaymentRefunded['payload'];

export const paymentRefundedOutcome = (_event: EventEnvelope<Payload>): PaymentOutcome => ({ status: 'REFUNDED', failureReason: null });

/**
 * A processed payment given back in full. It follows the payment's PaymentProcessed on the same
 * stream, so the version guard also keeps a redriven PaymentProcessed from turning it back to
 * PROCESSED. processedAt stays when the payment was taken: the refund's time is in the history.
 */
@Injectable()
export class PaymentRefundedProjection implements EventHandler<Payload> {
  readonly eventType = PaymentRefunded.type;

  async handle(event: EventEnvelope<Payload>, em: EntityManager): Promise<void> {
    await upsertPaymentView(em, event, paymentRefundedOutcome(event), { keepProcessedAt: true });
  }
}
