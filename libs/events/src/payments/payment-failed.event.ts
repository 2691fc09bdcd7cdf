import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { cents, id } from '../fields';

/** `message` is the provider's text for people; never echo card data into it. */
export class PaymentFailed extends defineEvent({
  type: 'PaymentFailed',
  version: 1,
  topic: TOPICS.payments,
  aggregate: 'payment',
  schema: z.object({ paymentId: id(), orderId: id(), amountCents: cents(), reason: z.enum(['DECLINED', 'TIMEOUT', 'ERROR']), message: z.string().max(500) }),
}) {}
