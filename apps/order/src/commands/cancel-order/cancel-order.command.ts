import { Command } from '@nestjs/cqrs';
import type { CommandResult } from '@app/commands';
import type { CancellationReason } from '../../domain/order.aggregate';
import type { AppendContext } from '../append-context';
import type { Issuer } from '../signed-in';

/** The saga and its deadline cancel on their own authority; customers only their own orders. */
export const SYSTEM = 'system' as const;
export type CancelledBy = Issuer | typeof SYSTEM;

/** Undefined when the system cancels an order this service does not know (nothing to do). */
export class CancelOrderCommand extends Command<CommandResult | undefined> {
  constructor(
    readonly orderId: string,
    readonly reason: CancellationReason,
    readonly cancelledBy: CancelledBy,
    readonly context: AppendContext,
    readonly detail?: string,
  ) {
    super();
  }
}
