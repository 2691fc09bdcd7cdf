import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { cents, displayName, sku } from '../fields';

/** Stream `product-<sku>`: the sku is the product's identity. */
export class ProductAdded extends defineEvent({
  type: 'ProductAdded',
  version: 1,
  topic: TOPICS.inventory,
  aggregate: 'product',
  schema: z.object({ sku: sku(), name: displayName(), priceCents: cents(), initialStock: z.number().int().nonnegative() }),
}) {}
