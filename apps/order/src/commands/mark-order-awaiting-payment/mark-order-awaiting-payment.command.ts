import { Command } from '@nestjs/cqrs';
import type { PricedLine } from '../../domain/order.aggregate';
import type { EventCause } from '../append-context';

/** Inventory reserved every line at these prices. */
export class MarkOrderAwaitingPaymentCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly lines: PricedLine[],
    readonly totalCents: number,
    readonly cause: EventCause,
  ) {
    super();
  }
}
