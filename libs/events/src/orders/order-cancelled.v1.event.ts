import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { id } from '../fields';

/** Published before orders had a deadline from creation; still in stored streams, so kept and upcast on read. */
export class OrderCancelledV1 extends defineEvent({
  type: 'OrderCancelled',
  version: 1,
  topic: TOPICS.orders,
  aggregate: 'order',
  schema: z.object({
    orderId: id(),
    reason: z.enum(['OUT_OF_STOCK', 'PAYMENT_FAILED', 'PAYMENT_TIMEOUT', 'CANCELLED_BY_CUSTOMER']),
    detail: z.string().max(500).optional(),
  }),
}) {}
