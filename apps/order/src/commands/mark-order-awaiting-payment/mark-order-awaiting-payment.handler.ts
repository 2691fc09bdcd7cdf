import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrderRepository } from '../../domain/order.repository';
import { OrderSagaRepository } from '../../sagas/order-saga.repository';
import { fromEvent } from '../append-context';
import { MarkOrderAwaitingPaymentCommand } from './mark-order-awaiting-payment.command';

@CommandHandler(MarkOrderAwaitingPaymentCommand)
export class MarkOrderAwaitingPaymentHandler implements ICommandHandler<MarkOrderAwaitingPaymentCommand> {
  private readonly log = new Logger(MarkOrderAwaitingPaymentHandler.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly sagas: OrderSagaRepository,
  ) {}

  async execute({ orderId, lines, totalCents, cause }: MarkOrderAwaitingPaymentCommand): Promise<void> {
    const order = await this.orders.change(orderId, (o) => o.markAwaitingPayment(lines, totalCents), fromEvent(cause, 'awaiting-payment'));
    // OrderCreated commits before inventory can hear of it: an unknown order is another store's.
    if (!order) return this.log.warn(`reservation for unknown order ${orderId}: skipped`);
    await this.sagas.record(order, cause.correlationId);
  }
}
