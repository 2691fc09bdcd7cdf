import { randomUUID } from 'node:crypto';
import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRejected, type ProcessPaymentResult } from '@app/commands';
import { PAYMENT_SETTINGS, type PaymentSettings } from '../../payment-settings';
import { PaymentLedger } from '../../payments/payment-ledger';
import { type Payment, PaymentsRepository } from '../../payments/payments.repository';
import { type ChargeOutcome, PaymentProvider } from '../../provider/payment-provider';
import { TIMED_OUT, withDeadline } from '../../provider/with-deadline';
import { ProcessPaymentCommand } from './process-payment.command';

const answer = ({ paymentId, status }: Payment): ProcessPaymentResult => ({ paymentId, status });

// Belt and braces: a provider's text must never carry the token into a log line or an event.
const redact = (text: string, token: string): string => text.split(token).join('[redacted]');

/**
 * Idempotent per order (DESIGN.md section 2): the payments row, unique by order id, decides who
 * may charge. A settled row is answered as it stands. A PENDING row means the provider never
 * answered an earlier attempt; once that attempt has given up (older than the provider timeout),
 * the next request asks the provider again. That cannot charge twice, because every charge
 * carries the order id as the provider's idempotency key: the provider answers a repeat with the
 * first charge. A younger PENDING row belongs to an attempt still waiting, so it is answered as
 * PENDING rather than racing it. A PENDING row nobody retries is settled by the reconciler.
 */
@CommandHandler(ProcessPaymentCommand)
export class ProcessPaymentHandler implements ICommandHandler<ProcessPaymentCommand> {
  private readonly log = new Logger(ProcessPaymentHandler.name);

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly ledger: PaymentLedger,
    private readonly provider: PaymentProvider,
    @Inject(PAYMENT_SETTINGS) private readonly settings: Pick<PaymentSettings, 'providerTimeoutMs'>,
  ) {}

  async execute({ input, meta }: ProcessPaymentCommand): Promise<ProcessPaymentResult> {
    const { orderId, amountCents, paymentToken } = input;
    const { payment, claimed } = await this.payments.claim({ paymentId: randomUUID(), orderId, amountCents }, this.settings.providerTimeoutMs);
    // The order was cancelled before anyone charged it (see RefundPaymentHandler): it never will be.
    if (payment.status === 'VOIDED') return answer(payment);
    // The same key with other terms is a caller's bug, not a retry: never charge or replay it.
    if (payment.amountCents !== amountCents) throw new CommandRejected('CONFLICT', `order ${orderId} is already being paid with another amount`, 'amountCents');
    if (!claimed) return answer(payment);
    const outcome = await this.charge(payment, paymentToken);
    // No answer: no event either. The reconciler asks the provider later; the saga's deadline decides the order.
    if (!outcome) return answer(payment);
    const metadata = { correlationId: meta.correlationId, causationId: meta.commandId, userId: null, ...(meta.traceparent ? { traceparent: meta.traceparent } : {}) };
    return answer(await this.ledger.record(payment, outcome, metadata));
  }

  /** The provider's answer, or undefined when it gave none in time (the outcome is unknown). */
  private async charge({ paymentId, orderId, amountCents }: Payment, token: string): Promise<ChargeOutcome | undefined> {
    const ms = this.settings.providerTimeoutMs;
    let outcome: ChargeOutcome | typeof TIMED_OUT;
    try {
      outcome = await withDeadline(this.provider.charge({ idempotencyKey: orderId, amountCents, token }), ms);
    } catch (err) {
      // A failed call may still have charged: as unknown as a timeout, so treated the same way.
      this.log.warn(`payment ${paymentId} of order ${orderId}: the provider call failed (${redact(String(err?.message ?? err), token)}), left PENDING`);
      return undefined;
    }
    if (outcome === TIMED_OUT) {
      this.log.warn(`payment ${paymentId} of order ${orderId}: no answer from the provider within ${ms} ms, left PENDING`);
      return undefined;
    }
    return outcome.outcome === 'DECLINED' ? { ...outcome, message: redact(outcome.message, token) } : outcome;
  }
}
