import { Command } from '@nestjs/cqrs';
import type { CommandResult } from '@app/commands';
import type { CancellationReason } from '../../domain/order.aggregate';
import type { AppendContext } from '../append-context';
import type { Issuer } from '../signed-in';

/** The saga and its deadline cancel on their own authority; customers only their own orders. */
export const SYSTEM = 'system' as const;
export type CancelledBy = Issuer | typeof SYSTEM;
/** The order's deadline passed: the reason depends on how far it got (Order.deadlineReason). */
export const DEADLINE_PASSED = 'DEADLINE_PASSED' as const;

/** Undefined when the system cancels an order this service does not know (nothing to do). */
export class CancelOrderCommand extends Command<CommandResult | undefined> {
  constructor(
    readonly orderId: string,
    readonly reason: CancellationReason | typeof DEADLINE_PASSED,
    readonly cancelledBy: CancelledBy,
    readonly context: AppendContext,
    readonly detail?: string,
  ) {
    super();
  }
}
