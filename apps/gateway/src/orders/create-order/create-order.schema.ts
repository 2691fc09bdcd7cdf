import { z } from 'zod';

// The limits of the OrderCreated contract (libs/events fields): an order the event could not
// carry is refused here, with the field at fault, instead of after a round trip to the service.
const line = z.object({
  sku: z.string().min(1, 'sku must not be empty').max(64, 'sku is at most 64 characters'),
  quantity: z.number().int().min(1, 'quantity must be at least 1').max(1000, 'quantity must be at most 1000'),
});

export const createOrderSchema = z.object({
  lines: z.array(line).min(1, 'an order needs at least one line').max(50, 'an order has at most 50 lines'),
  paymentToken: z.string().min(1, 'paymentToken must not be empty').max(200, 'paymentToken is at most 200 characters'),
  // The service dedupes on it; the command envelope's ids are at most 200 characters too.
  idempotencyKey: z.string().min(1, 'idempotencyKey must not be empty').max(200, 'idempotencyKey is at most 200 characters').nullish(),
});
