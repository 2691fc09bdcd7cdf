import { z } from 'zod';
import { parseInput, type ProcessPaymentData } from '@app/commands';

// Messages never include the value: paymentToken is card data.
const processPaymentInput = z.object({
  orderId: z.uuid({ error: 'orderId must be a UUID' }),
  amountCents: z
    .number({ error: 'amountCents must be a number' })
    .int('amountCents must be a whole number of cents')
    .min(0, 'amountCents must not be negative')
    .max(100_000_000, 'amountCents must be at most 100000000'),
  paymentToken: z.string({ error: 'paymentToken must be a string' }).min(1, 'paymentToken must not be empty').max(200, 'paymentToken must be at most 200 characters'),
}) satisfies z.ZodType<ProcessPaymentData>;

export type ProcessPaymentInput = z.output<typeof processPaymentInput>;

/** The ProcessPaymentData contract checked at runtime; otherwise CommandRejected(BAD_USER_INPUT, field). */
export const parseProcessPaymentInput = (data: unknown): ProcessPaymentInput => parseInput(processPaymentInput, data);
