import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrderRepository } from '../../domain/order.repository';
import { OrderSagaRepository } from '../../sagas/order-saga.repository';
import { fromEvent } from '../append-context';
import { RecordRefundCommand } from './record-refund.command';

/** OrderRefunded on the order's own stream, so that its history shows the money went back; the saga ends REFUNDED. */
@CommandHandler(RecordRefundCommand)
export class RecordRefundHandler implements ICommandHandler<RecordRefundCommand> {
  private readonly log = new Logger(RecordRefundHandler.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly sagas: OrderSagaRepository,
  ) {}

  async execute({ orderId, paymentId, amountCents, cause }: RecordRefundCommand): Promise<void> {
    const order = await this.orders.change(orderId, (o) => o.recordRefund(paymentId, amountCents), fromEvent(cause, 'refunded'));
    if (!order) return this.log.warn(`refund for unknown order ${orderId}: skipped`);
    await this.sagas.record(order, cause.correlationId);
  }
}
