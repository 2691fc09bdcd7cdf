import { Command } from '@nestjs/cqrs';
import type { EventCause } from '../append-context';

/** Give back whatever the payment service took (or will take) for a cancelled order. */
export class RequestRefundCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly cause: EventCause,
  ) {
    super();
  }
}
