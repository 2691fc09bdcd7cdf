import { z } from 'zod';
import { parseInput } from '@app/commands';
import { intField, skuField } from '../product-fields';

const addProductInput = z.object({
  sku: skuField,
  name: z.string({ error: 'name must be a string' }).trim().min(1, 'name must not be empty').max(200, 'name must be at most 200 characters'),
  priceCents: intField('priceCents', 0, 100_000_000),
  initialStock: intField('initialStock', 0, 1_000_000),
});

export type AddProductInput = z.output<typeof addProductInput>;

/** Name trimmed; otherwise CommandRejected(BAD_USER_INPUT, field). */
export const parseAddProductInput = (data: unknown): AddProductInput => parseInput(addProductInput, data);
