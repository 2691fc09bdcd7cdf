import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PAYMENT_SETTINGS, type PaymentSettings } from '../payment-settings';
import { type ChargeOutcome, type ChargeRequest, type LookupOutcome, PaymentProvider, type RefundOutcome, type RefundRequest } from './payment-provider';

export const DECLINED_TOKEN = 'tok_declined';
export const TIMEOUT_TOKEN = 'tok_timeout';
/** Approves, but only after PAYMENT_LOCAL_SLOW_MS: a payment that succeeds after its order's deadline. */
export const SLOW_TOKEN = 'tok_slow';

const reference = (prefix: string, key: string) => `${prefix}_${createHash('sha256').update(`${prefix}:${key}`).digest('hex').slice(0, 24)}`;

/**
 * A deterministic stand-in for a card processor (local runs, demos, tests), chosen by token.
 * It is idempotent like a real one: references derive from the key, so asking again for the
 * same order yields the same charge or refund, never a second one. It remembers the outcomes it
 * gave in memory only, for `lookup`: after a restart it knows of no charge (a real adapter asks
 * the processor, which remembers). A tok_timeout charge never happens, so lookup says NONE; a
 * tok_slow one is PENDING until it completes.
 */
@Injectable()
export class LocalPaymentProvider extends PaymentProvider {
  private readonly outcomes = new Map<string, ChargeOutcome>();
  private readonly charging = new Set<string>();

  constructor(@Inject(PAYMENT_SETTINGS) private readonly settings: Pick<PaymentSettings, 'localSlowMs'>) {
    super();
  }

  async charge({ idempotencyKey, token }: ChargeRequest): Promise<ChargeOutcome> {
    // A provider that never answers: no timer or socket behind it, so nothing keeps a process alive.
    if (token === TIMEOUT_TOKEN) return new Promise<never>(() => {});
    if (token === SLOW_TOKEN) {
      this.charging.add(idempotencyKey);
      await new Promise((resolve) => setTimeout(resolve, this.settings.localSlowMs));
      this.charging.delete(idempotencyKey);
    }
    const outcome: ChargeOutcome = token === DECLINED_TOKEN ? { outcome: 'DECLINED', message: 'card declined' } : { outcome: 'APPROVED', providerRef: reference('local', idempotencyKey) };
    this.outcomes.set(idempotencyKey, this.outcomes.get(idempotencyKey) ?? outcome);
    return this.outcomes.get(idempotencyKey)!;
  }

  refund({ idempotencyKey }: RefundRequest): Promise<RefundOutcome> {
    return Promise.resolve({ outcome: 'REFUNDED', providerRef: reference('refund', idempotencyKey) });
  }

  lookup(idempotencyKey: string): Promise<LookupOutcome> {
    if (this.charging.has(idempotencyKey)) return Promise.resolve({ outcome: 'PENDING' });
    return Promise.resolve(this.outcomes.get(idempotencyKey) ?? { outcome: 'NONE' });
  }
}
