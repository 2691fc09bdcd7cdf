import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { id, quantity, sku } from '../fields';

/** Compensation: the saga gave the reserved stock back (payment failed or timed out). */
export class InventoryReleased extends defineEvent({
  type: 'InventoryReleased',
  version: 1,
  topic: TOPICS.inventory,
  aggregate: 'reservation',
  schema: z.object({
    orderId: id(),
    lines: z.array(z.object({ sku: sku(), quantity: quantity() })).min(1).max(50),
    reason: z.string().min(1).max(100),
  }),
}) {}
