import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PeriodicTask } from '@app/messaging';
import { PAYMENT_SETTINGS, type PaymentSettings } from '../payment-settings';
import { PaymentProvider } from '../provider/payment-provider';
import { TIMED_OUT, withDeadline } from '../provider/with-deadline';
import { PaymentLedger } from './payment-ledger';
import { type Payment, PaymentsRepository } from './payments.repository';

const BATCH = 50;

/**
 * Settles what no request will settle: a payment left PENDING because the provider never
 * answered (its caller timed out, the process died mid-charge) is looked up at the provider and
 * recorded as it really went (never charged -> FAILED, TIMEOUT); a refund the provider did not
 * take at once is tried again. Every replica runs it; claimUnsettled's lease keeps them apart.
 */
@Injectable()
export class PaymentReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(PaymentReconciler.name);
  private readonly task: PeriodicTask;

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly ledger: PaymentLedger,
    private readonly provider: PaymentProvider,
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
  ) {
    this.task = new PeriodicTask('payment reconciliation', this.settings.reconcileMs, () => this.reconcile(), this.log);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** One round; a payment that fails is left for a later round (its lease expires). */
  async reconcile(): Promise<void> {
    // Twice the provider timeout: the attempt that set updated_at has certainly given up waiting.
    for (const payment of await this.payments.claimUnsettled(BATCH, 2 * this.settings.providerTimeoutMs)) {
      const metadata = { correlationId: `reconcile:${payment.orderId}`, causationId: null, userId: null };
      try {
        if (payment.status === 'PROCESSED') await this.ledger.refund(payment, metadata);
        else await this.settle(payment, metadata);
      } catch (err) {
        this.log.error(`reconciling payment ${payment.paymentId} (order ${payment.orderId}) failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  private async settle(payment: Payment, metadata: { correlationId: string; causationId: null; userId: null }): Promise<void> {
    const outcome = await withDeadline(this.provider.lookup(payment.orderId), this.settings.providerTimeoutMs);
    if (outcome === TIMED_OUT) return this.log.warn(`payment ${payment.paymentId}: the provider did not say what became of it; asked again later`);
    if (outcome.outcome === 'PENDING') return;
    const settled = await this.ledger.record(payment, outcome, metadata);
    this.log.warn(`payment ${payment.paymentId} of order ${payment.orderId} was PENDING; the provider says ${outcome.outcome}: now ${settled.status}`);
  }
}
