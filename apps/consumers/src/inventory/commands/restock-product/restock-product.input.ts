import { z } from 'zod';
import { parseInput } from '@app/commands';
import { intField, skuField } from '../product-fields';

const restockProductInput = z.object({
  sku: skuField,
  quantity: intField('quantity', 1, 1_000_000),
});

export type RestockProductInput = z.output<typeof restockProductInput>;

/** CommandRejected(BAD_USER_INPUT, field) unless the data is a valid restock. */
export const parseRestockProductInput = (data: unknown): RestockProductInput => parseInput(restockProductInput, data);
