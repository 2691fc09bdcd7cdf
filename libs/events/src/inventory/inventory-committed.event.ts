import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { id, quantity, sku } from '../fields';

/** The order was paid: reserved stock is now sold and can no longer be released. */
export class InventoryCommitted extends defineEvent({
  type: 'InventoryCommitted',
  version: 1,
  topic: TOPICS.inventory,
  aggregate: 'reservation',
  schema: z.object({ orderId: id(), lines: z.array(z.object({ sku: sku(), quantity: quantity() })).min(1).max(50) }),
}) {}
