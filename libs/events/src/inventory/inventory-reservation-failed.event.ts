import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { id, quantity, sku } from '../fields';

/** All or nothing: nothing was reserved; `lines` lists only the lines that could not be. */
export class InventoryReservationFailed extends defineEvent({
  type: 'InventoryReservationFailed',
  version: 1,
  topic: TOPICS.inventory,
  aggregate: 'reservation',
  schema: z.object({
    orderId: id(),
    reason: z.enum(['OUT_OF_STOCK', 'UNKNOWN_SKU']),
    lines: z.array(z.object({ sku: sku(), requested: quantity(), available: z.number().int().nonnegative() })).min(1).max(50),
  }),
}) {}
