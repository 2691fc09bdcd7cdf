import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrderRepository } from '../../domain/order.repository';
import { ORDER_SETTINGS, type OrderSettings } from '../../order-settings';
import { PaymentClient } from '../../payment/payment-client';
import { PaymentTokens } from '../../persistence/payment-tokens';
import { OrderSagaRepository } from '../../sagas/order-saga.repository';
import { RequestPaymentCommand } from './request-payment.command';

@CommandHandler(RequestPaymentCommand)
export class RequestPaymentHandler implements ICommandHandler<RequestPaymentCommand> {
  constructor(
    @Inject(ORDER_SETTINGS) private readonly settings: OrderSettings,
    private readonly orders: OrderRepository,
    private readonly tokens: PaymentTokens,
    private readonly sagas: OrderSagaRepository,
    private readonly payments: PaymentClient,
  ) {}

  async execute({ orderId, cause }: RequestPaymentCommand): Promise<void> {
    const order = await this.orders.load(orderId);
    // Cancelled or confirmed meanwhile (or not ours at all): nothing to charge.
    if (order?.status !== 'AWAITING_PAYMENT') return;
    const paymentToken = await this.tokens.find(orderId);
    if (!paymentToken) throw new Error(`order ${orderId} has no payment token`);
    // Stored before the request leaves, and kept on a redelivery: whatever happens to this
    // process after the send, the order ends confirmed, failed or timed out, never stuck.
    if (!(await this.sagas.armDeadline(orderId, this.settings.paymentDeadlineMs))) return;
    // Idempotent per order at the payment service: a redelivered request never charges twice.
    await this.payments.request({ orderId, amountCents: order.totalCents!, paymentToken }, cause);
  }
}
