import { z } from 'zod';
import { CommandRejected, isSealed } from '@app/commands';

// The same bounds as the OrderCreated contract, so whatever passes here is a valid event payload.
// Whether a sku exists is inventory's call. Messages never include the value: it may be the token.
const line = z.object(
  {
    sku: z.string({ error: 'sku must be a string' }).min(1, 'sku must not be empty').max(64, 'sku must be at most 64 characters'),
    quantity: z
      .number({ error: 'quantity must be a number' })
      .int('quantity must be a whole number')
      .min(1, 'quantity must be at least 1')
      .max(1000, 'quantity must be at most 1000'),
  },
  { error: 'each line must be an object { sku, quantity }' },
);

const createOrderInput = z.object({
  lines: z.array(line, { error: 'lines must be a list' }).min(1, 'an order needs at least one line').max(50, 'an order has at most 50 lines'),
  // Sealed by the gateway to the payment service: this service stores and forwards it, unopened.
  paymentToken: z.string({ error: 'paymentToken must be a string' }).refine(isSealed, 'paymentToken must be sealed to the payment service'),
  idempotencyKey: z
    .string({ error: 'idempotencyKey must be a string' })
    .min(1, 'idempotencyKey must not be empty')
    .max(200, 'idempotencyKey must be at most 200 characters')
    .nullish()
    .transform((key) => key ?? undefined),
});

export type CreateOrderInput = z.output<typeof createOrderInput>;

/**
 * Like libs' parseInput, but the field names the line at fault (`lines.2.quantity`), where
 * parseInput keeps only the first path segment.
 */
export function parseCreateOrderInput(data: unknown): CreateOrderInput {
  const parsed = createOrderInput.safeParse(data);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const field = issue.path.map(String).join('.');
  throw field ? new CommandRejected('BAD_USER_INPUT', issue.message, field) : new CommandRejected('BAD_USER_INPUT', 'command data must be an object');
}
