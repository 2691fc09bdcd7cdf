import { Command } from '@nestjs/cqrs';
import type { EventCause } from '../append-context';

/** The payment service gave a cancelled order's payment back (PaymentRefunded). */
export class RecordRefundCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly paymentId: string,
    readonly amountCents: number,
    readonly cause: EventCause,
  ) {
    super();
  }
}
