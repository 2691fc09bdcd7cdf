import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { id } from '../fields';

/**
 * `reason` is what code branches on; `detail` is for people (emails, support).
 * v2 adds FULFILMENT_TIMEOUT: the order's deadline (armed at creation) passed before it was ever
 * awaiting payment, e.g. because inventory's answer was dead-lettered.
 */
export class OrderCancelled extends defineEvent({
  type: 'OrderCancelled',
  version: 2,
  topic: TOPICS.orders,
  aggregate: 'order',
  schema: z.object({
    orderId: id(),
    reason: z.enum(['OUT_OF_STOCK', 'PAYMENT_FAILED', 'PAYMENT_TIMEOUT', 'FULFILMENT_TIMEOUT', 'CANCELLED_BY_CUSTOMER']),
    detail: z.string().max(500).optional(),
  }),
}) {}
