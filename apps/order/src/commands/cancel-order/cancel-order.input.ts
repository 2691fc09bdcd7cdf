import { z } from 'zod';
import { parseInput } from '@app/commands';

// The customer's free text travels as `reason` on the wire and lands in OrderCancelled.detail;
// the event's `reason` is the code CANCELLED_BY_CUSTOMER, which code can branch on.
const cancelOrderInput = z
  .object({
    orderId: z.uuid({ error: 'orderId must be a UUID' }),
    reason: z.string({ error: 'reason must be a string' }).trim().max(500, 'reason must be at most 500 characters').nullish(),
  })
  .transform(({ orderId, reason }) => ({ orderId, detail: reason || undefined }));

export type CancelOrderInput = z.output<typeof cancelOrderInput>;

export const parseCancelOrderInput = (data: unknown): CancelOrderInput => parseInput(cancelOrderInput, data);
