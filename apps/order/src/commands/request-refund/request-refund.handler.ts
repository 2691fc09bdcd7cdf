import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrderRepository } from '../../domain/order.repository';
import { PaymentClient } from '../../payment/payment-client';
import { RequestRefundCommand } from './request-refund.command';

/**
 * Sent for every cancelled order whose payment was requested, whether or not we know of a charge:
 * the charge may have succeeded with its PaymentProcessed lost or dead-lettered, or may still be
 * on its way. The payment service refunds a processed payment, refunds one still being charged as
 * soon as it settles, and voids an order it has not charged yet. A cancelled order is therefore
 * never left paid, whatever the order in which the deadline and the payment arrive.
 */
@CommandHandler(RequestRefundCommand)
export class RequestRefundHandler implements ICommandHandler<RequestRefundCommand> {
  constructor(
    private readonly orders: OrderRepository,
    private readonly payments: PaymentClient,
  ) {}

  async execute({ orderId, cause }: RequestRefundCommand): Promise<void> {
    const order = await this.orders.load(orderId);
    // Out of stock, or cancelled before inventory answered: no payment was ever asked for.
    if (order?.status !== 'CANCELLED' || !order.paymentRequested || order.refunded) return;
    await this.payments.refund(orderId, cause);
  }
}
