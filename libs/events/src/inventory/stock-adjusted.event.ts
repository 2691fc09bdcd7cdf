import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { sku } from '../fields';

// toJSONSchema cannot see a refine; the meta states the same rule so the contract snapshot records it.
const nonZero = z.number().int().refine((n) => n !== 0, 'must not be zero').meta({ not: { const: 0 } });

/** `available` is the stock after the change, so consumers need no running sum of deltas. */
export class StockAdjusted extends defineEvent({
  type: 'StockAdjusted',
  version: 1,
  topic: TOPICS.inventory,
  aggregate: 'product',
  schema: z.object({ sku: sku(), delta: nonZero, reason: z.enum(['RESTOCK', 'CORRECTION']), available: z.number().int().nonnegative() }),
}) {}
