import { z } from 'zod';
import { parseInput, type RefundPaymentData } from '@app/commands';

const refundPaymentInput = z.object({
  orderId: z.uuid({ error: 'orderId must be a UUID' }),
}) satisfies z.ZodType<RefundPaymentData>;

export type RefundPaymentInput = z.output<typeof refundPaymentInput>;

/** The RefundPaymentData contract checked at runtime; otherwise CommandRejected(BAD_USER_INPUT, field). */
export const parseRefundPaymentInput = (data: unknown): RefundPaymentInput => parseInput(refundPaymentInput, data);
