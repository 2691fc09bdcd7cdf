import { Command } from '@nestjs/cqrs';
import type { EventCause } from '../append-context';

/** Charge the order's reserved total with its stored card token. */
export class RequestPaymentCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly cause: EventCause,
  ) {
    super();
  }
}
