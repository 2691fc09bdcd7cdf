import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RefundPaymentResult } from '@app/commands';
import { PaymentLedger } from '../../payments/payment-ledger';
import { PaymentsRepository } from '../../payments/payments.repository';
import { RefundPaymentCommand } from './refund-payment.command';

/**
 * The order saga sends this for every cancelled order whose payment it requested, in any order
 * relative to that payment, possibly more than once. Whatever the payment's state, the money
 * ends with the customer: none yet -> VOIDED (a later processPayment charges nothing); PENDING
 * -> flagged, refunded as soon as the charge settles PROCESSED (PaymentLedger.record);
 * PROCESSED -> refunded now, or by the reconciler if the provider does not answer; FAILED,
 * VOIDED or REFUNDED -> nothing to do.
 */
@CommandHandler(RefundPaymentCommand)
export class RefundPaymentHandler implements ICommandHandler<RefundPaymentCommand> {
  constructor(
    private readonly payments: PaymentsRepository,
    private readonly ledger: PaymentLedger,
  ) {}

  async execute({ input: { orderId }, meta }: RefundPaymentCommand): Promise<RefundPaymentResult> {
    const payment = await this.payments.requestRefund(orderId, randomUUID());
    if (payment.status !== 'PROCESSED') return { paymentId: payment.paymentId, status: payment.status };
    const metadata = { correlationId: meta.correlationId, causationId: meta.commandId, userId: null, ...(meta.traceparent ? { traceparent: meta.traceparent } : {}) };
    const refunded = (await this.ledger.refund(payment, metadata)) ?? payment;
    return { paymentId: refunded.paymentId, status: refunded.status };
  }
}
