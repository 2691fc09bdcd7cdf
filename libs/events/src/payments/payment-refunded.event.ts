import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { cents, id } from '../fields';

/** The provider gave a processed payment back in full; the payment's status is REFUNDED from here on. */
export class PaymentRefunded extends defineEvent({
  type: 'PaymentRefunded',
  version: 1,
  topic: TOPICS.payments,
  aggregate: 'payment',
  schema: z.object({ paymentId: id(), orderId: id(), amountCents: cents() }),
}) {}
