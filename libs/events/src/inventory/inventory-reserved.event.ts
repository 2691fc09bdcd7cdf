import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { cents, id, quantity, sku } from '../fields';

/** Stream `reservation-<orderId>`. Prices are fixed here, so payment charges what was reserved. */
export class InventoryReserved extends defineEvent({
  type: 'InventoryReserved',
  version: 1,
  topic: TOPICS.inventory,
  aggregate: 'reservation',
  schema: z.object({
    orderId: id(),
    lines: z.array(z.object({ sku: sku(), quantity: quantity(), unitPriceCents: cents() })).min(1).max(50),
    totalCents: cents(),
  }),
}) {}
