import { randomUUID } from 'node:crypto';
import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandMeta, CommandRejected, type ProcessPaymentResult } from '@app/commands';
import { EventStore } from '@app/event-store';
import { PaymentFailed, PaymentProcessed, streamIdOf } from '@app/events';
import { PAYMENT_SETTINGS, type PaymentSettings } from '../../payment-settings';
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
 * PENDING rather than racing it.
 */
@CommandHandler(ProcessPaymentCommand)
export class ProcessPaymentHandler implements ICommandHandler<ProcessPaymentCommand> {
  private readonly log = new Logger(ProcessPaymentHandler.name);

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly store: EventStore,
    private readonly provider: PaymentProvider,
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
  ) {}

  async execute({ input, meta }: ProcessPaymentCommand): Promise<ProcessPaymentResult> {
    const { orderId, amountCents, paymentToken } = input;
    const { payment, claimed } = await this.payments.claim({ paymentId: randomUUID(), orderId, amountCents }, this.settings.providerTimeoutMs);
    // The same key with other terms is a caller's bug, not a retry: never charge or replay it.
    if (payment.amountCents !== amountCents) throw new CommandRejected('CONFLICT', `order ${orderId} is already being paid with another amount`, 'amountCents');
    if (!claimed) return answer(payment);
    const outcome = await this.charge(payment, paymentToken);
    // No answer: no event either. The order saga's deadline decides what becomes of the order.
    if (!outcome) return answer(payment);
    return this.record(payment, outcome, meta);
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

  /** The row and the event in one transaction: the event table is the outbox. */
  private async record(payment: Payment, outcome: ChargeOutcome, meta: CommandMeta): Promise<ProcessPaymentResult> {
    const { paymentId, orderId, amountCents } = payment;
    const event =
      outcome.outcome === 'APPROVED'
        ? new PaymentProcessed({ paymentId, orderId, amountCents })
        : new PaymentFailed({ paymentId, orderId, amountCents, reason: 'DECLINED', message: outcome.message.slice(0, 500) });
    const metadata = { correlationId: meta.correlationId, causationId: meta.commandId, userId: null, ...(meta.traceparent ? { traceparent: meta.traceparent } : {}) };
    const settled = await this.payments.transaction(async (tx) => {
      const row = await this.payments.settle(tx, paymentId, outcome.outcome === 'APPROVED' ? 'PROCESSED' : 'FAILED', outcome.outcome === 'APPROVED' ? null : 'DECLINED');
      // Another attempt recorded the provider's answer first: answer with that one.
      if (!row) return undefined;
      const appended = await this.store.append(streamIdOf('payment', paymentId), 0, [event], { tx, idempotencyKey: `payment:${orderId}`, metadata });
      // The key was spent by some other append: committing would leave a payment without its event.
      if (appended.duplicate) throw new Error(`payment:${orderId} already appended to ${appended.streamId}`);
      return row;
    });
    return answer(settled ?? (await this.payments.findByOrderId(orderId)) ?? payment);
  }
}
