import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { cents, id, quantity, sku } from '../fields';

/** Stock is reserved; carries the reserved prices so read models can show them. */
export class OrderAwaitingPayment extends defineEvent({
  type: 'OrderAwaitingPayment',
  version: 1,
  topic: TOPICS.orders,
  aggregate: 'order',
  schema: z.object({
    orderId: id(),
    lines: z.array(z.object({ sku: sku(), quantity: quantity(), unitPriceCents: cents() })).min(1).max(50),
    totalCents: cents(),
  }),
}) {}
