import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventStore } from '@app/event-store';
import { type EventMetadata, PaymentFailed, PaymentProcessed, PaymentRefunded, streamIdOf } from '@app/events';
import { PAYMENT_SETTINGS, type PaymentSettings } from '../payment-settings';
import { PaymentProvider, type SettledOutcome } from '../provider/payment-provider';
import { TIMED_OUT, withDeadline } from '../provider/with-deadline';
import { type Payment, PaymentsRepository } from './payments.repository';

const NEVER_CHARGED = 'the payment provider never completed the charge';

/**
 * Where a payment's outcome becomes fact: the row and its event in one transaction (the event
 * table is the outbox), whoever learnt the outcome (the request's handler, or the reconciler
 * asking the provider later). And where money goes back: a refund is asked of the provider
 * first, then recorded the same way.
 */
@Injectable()
export class PaymentLedger {
  private readonly log = new Logger(PaymentLedger.name);

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly store: EventStore,
    private readonly provider: PaymentProvider,
    @Inject(PAYMENT_SETTINGS) private readonly settings: Pick<PaymentSettings, 'providerTimeoutMs'>,
  ) {}

  /**
   * Settles a PENDING payment with the provider's answer (NONE: it never charged, which fails
   * the payment as TIMEOUT). Answers the row as settled, or as it stands when another attempt
   * settled it first. A payment whose order was cancelled meanwhile is refunded right after.
   */
  async record(payment: Payment, outcome: SettledOutcome, metadata: EventMetadata): Promise<Payment> {
    const { paymentId, orderId, amountCents } = payment;
    const event =
      outcome.outcome === 'APPROVED'
        ? new PaymentProcessed({ paymentId, orderId, amountCents })
        : outcome.outcome === 'DECLINED'
          ? new PaymentFailed({ paymentId, orderId, amountCents, reason: 'DECLINED', message: outcome.message.slice(0, 500) })
          : new PaymentFailed({ paymentId, orderId, amountCents, reason: 'TIMEOUT', message: NEVER_CHARGED });
    const failure = outcome.outcome === 'DECLINED' ? 'DECLINED' : 'TIMEOUT';
    const settled = await this.payments.transaction(async (tx) => {
      const row = await this.payments.settle(tx, paymentId, event instanceof PaymentProcessed ? 'PROCESSED' : 'FAILED', event instanceof PaymentProcessed ? null : failure);
      // Another attempt recorded the provider's answer first: answer with that one.
      if (!row) return undefined;
      const appended = await this.store.append(streamIdOf('payment', paymentId), 0, [event], { tx, idempotencyKey: `payment:${orderId}`, metadata });
      // The key was spent by some other append: committing would leave a payment without its event.
      if (appended.duplicate) throw new Error(`payment:${orderId} already appended to ${appended.streamId}`);
      return row;
    });
    if (settled?.status === 'PROCESSED' && settled.refundRequested) return (await this.refund(settled, metadata)) ?? settled;
    return settled ?? (await this.payments.findByOrderId(orderId)) ?? payment;
  }

  /**
   * Gives a PROCESSED payment back: the provider first (idempotent per order), then REFUNDED and
   * PaymentRefunded together. Undefined when the provider did not answer in time or failed: the
   * row keeps its refund flag and the reconciler tries again.
   */
  async refund(payment: Payment, metadata: EventMetadata): Promise<Payment | undefined> {
    const { paymentId, orderId, amountCents } = payment;
    try {
      const answer = await withDeadline(this.provider.refund({ idempotencyKey: `refund:${orderId}`, amountCents }), this.settings.providerTimeoutMs);
      if (answer === TIMED_OUT) throw new Error(`no answer within ${this.settings.providerTimeoutMs} ms`);
    } catch (err) {
      this.log.warn(`refund of payment ${paymentId} (order ${orderId}) not done yet, the reconciler retries: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    return this.payments.transaction(async (tx) => {
      const row = await this.payments.markRefunded(tx, paymentId);
      if (!row) return this.payments.findByOrderId(orderId);
      const refunded = new PaymentRefunded({ paymentId, orderId, amountCents });
      await this.store.append(streamIdOf('payment', paymentId), 1, [refunded], { tx, idempotencyKey: `refund:${orderId}`, metadata });
      this.log.log(`payment ${paymentId} of order ${orderId} refunded`);
      return row;
    });
  }
}
