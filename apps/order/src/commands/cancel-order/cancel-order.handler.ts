import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRejected, type CommandResult } from '@app/commands';
import type { Order } from '../../domain/order.aggregate';
import { OrderRepository } from '../../domain/order.repository';
import { OrderSagaRepository } from '../../sagas/order-saga.repository';
import { CancelOrderCommand, DEADLINE_PASSED, SYSTEM, type CancelledBy } from './cancel-order.command';

@CommandHandler(CancelOrderCommand)
export class CancelOrderHandler implements ICommandHandler<CancelOrderCommand> {
  private readonly log = new Logger(CancelOrderHandler.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly sagas: OrderSagaRepository,
  ) {}

  async execute({ orderId, reason, cancelledBy, context, detail }: CancelOrderCommand): Promise<CommandResult | undefined> {
    const order = await this.orders.change(
      orderId,
      (o) => {
        if (decide(o, cancelledBy)) o.cancel(reason === DEADLINE_PASSED ? o.deadlineReason() : reason, detail);
      },
      context,
    );
    if (!order) {
      if (cancelledBy !== SYSTEM) throw new CommandRejected('NOT_FOUND', `no order ${orderId}`);
      // Events about orders of another store (another environment on this broker): not ours.
      this.log.warn(`${reason} for unknown order ${orderId}: skipped`);
      return undefined;
    }
    await this.sagas.record(order, context.metadata.correlationId);
    return this.orders.resultOf(order);
  }
}

/** Whether to cancel: a customer may cancel only their own order; the system never a confirmed one. */
function decide(order: Order, by: CancelledBy): boolean {
  if (by !== SYSTEM) {
    if (by.role !== 'ADMIN' && by.userId !== order.userId) throw new CommandRejected('FORBIDDEN', 'you can only cancel your own orders');
    return true;
  }
  // A payment that won the race against the deadline (or a late duplicate event): confirmed stays confirmed.
  return order.status !== 'CONFIRMED';
}
