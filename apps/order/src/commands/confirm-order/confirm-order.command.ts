import { Command } from '@nestjs/cqrs';
import type { EventCause } from '../append-context';

export class ConfirmOrderCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly paymentId: string,
    readonly paidCents: number,
    readonly cause: EventCause,
  ) {
    super();
  }
}
