import { z } from 'zod';

// The limits of the ProductAdded / StockAdjusted contracts (libs/events fields), checked before
// sending so that the field at fault is named without a round trip. Keys are argument names.
const sku = z.string().min(1, 'sku must not be empty').max(64, 'sku is at most 64 characters');

export const addProductSchema = z.object({
  sku,
  name: z.string().min(1, 'name must not be empty').max(200, 'name is at most 200 characters'),
  priceCents: z.number().int().min(0, 'priceCents must not be negative'),
  initialStock: z.number().int().min(0, 'initialStock must not be negative'),
});

export const restockProductSchema = z.object({
  sku,
  quantity: z.number().int().min(1, 'quantity must be greater than 0'),
});
