import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrderRepository } from '../../domain/order.repository';
import { OrderSagaRepository } from '../../sagas/order-saga.repository';
import { fromEvent } from '../append-context';
import { ConfirmOrderCommand } from './confirm-order.command';

@CommandHandler(ConfirmOrderCommand)
export class ConfirmOrderHandler implements ICommandHandler<ConfirmOrderCommand> {
  private readonly log = new Logger(ConfirmOrderHandler.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly sagas: OrderSagaRepository,
  ) {}

  async execute({ orderId, paymentId, paidCents, cause }: ConfirmOrderCommand): Promise<void> {
    let paidTooLate = false;
    const order = await this.orders.change(
      orderId,
      (o) => {
        // The deadline (or the customer) cancelled it first: the money must go back, not the order forward.
        paidTooLate = o.status === 'CANCELLED';
        if (!paidTooLate) o.confirm(paymentId, paidCents);
      },
      fromEvent(cause, 'confirm'),
    );
    if (!order) return this.log.warn(`payment for unknown order ${orderId}: skipped`);
    if (!paidTooLate) return this.sagas.record(order, cause.correlationId);
    // The refund was requested when the order was cancelled (RequestRefund); the row says so until PaymentRefunded.
    this.log.warn(`order ${orderId} was cancelled (${order.cancellationReason}) but payment ${paymentId} succeeded: refund due`);
    await this.sagas.flagRefundDue(order, paymentId, cause.correlationId);
  }
}
