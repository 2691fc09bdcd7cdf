import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { cents, id } from '../fields';

export class PaymentProcessed extends defineEvent({
  type: 'PaymentProcessed',
  version: 1,
  topic: TOPICS.payments,
  aggregate: 'payment',
  schema: z.object({ paymentId: id(), orderId: id(), amountCents: cents() }),
}) {}
