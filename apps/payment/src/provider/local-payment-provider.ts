import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PAYMENT_SETTINGS, type PaymentSettings } from '../payment-settings';
import { LocalChargeRecords } from './local-charge-records';
import { type ChargeOutcome, type ChargeRequest, type LookupOutcome, PaymentProvider, type RefundOutcome, type RefundRequest } from './payment-provider';

export const DECLINED_TOKEN = 'tok_declined';
export const TIMEOUT_TOKEN = 'tok_timeout';
/** Approves, but only after PAYMENT_LOCAL_SLOW_MS: a payment that succeeds after its order's deadline. */
export const SLOW_TOKEN = 'tok_slow';

const reference = (prefix: string, key: string) => `${prefix}_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;

/**
 * A deterministic stand-in for a card processor (local runs, demos, tests), chosen by token.
 * Idempotent like a real one: the first outcome for a key is kept (LocalChargeRecords) and
 * repeated, so asking again for the same order never charges twice; refunds derive their
 * reference from their own key. A tok_timeout charge never happens (lookup: NONE); a tok_slow
 * one is PENDING until it completes.
 */
@Injectable()
export class LocalPaymentProvider extends PaymentProvider {
  constructor(
    @Inject(PAYMENT_SETTINGS) private readonly settings: Pick<PaymentSettings, 'localSlowMs'>,
    private readonly records: LocalChargeRecords,
  ) {
    super();
  }

  async charge({ idempotencyKey, token }: ChargeRequest): Promise<ChargeOutcome> {
    // A provider that never answers: no timer or socket behind it, so nothing keeps a process alive.
    if (token === TIMEOUT_TOKEN) return new Promise<never>(() => {});
    const earlier = await this.records.find(idempotencyKey);
    if (earlier && earlier.outcome !== 'PENDING' && earlier.outcome !== 'NONE') return earlier;
    if (token === SLOW_TOKEN) {
      await this.records.save(idempotencyKey, { outcome: 'PENDING' });
      await new Promise((resolve) => setTimeout(resolve, this.settings.localSlowMs));
    }
    const outcome: ChargeOutcome =
      token === DECLINED_TOKEN ? { outcome: 'DECLINED', message: 'card declined' } : { outcome: 'APPROVED', providerRef: reference('local', idempotencyKey) };
    return (await this.records.save(idempotencyKey, outcome)) as ChargeOutcome;
  }

  refund({ idempotencyKey }: RefundRequest): Promise<RefundOutcome> {
    return Promise.resolve({ outcome: 'REFUNDED', providerRef: reference('refund', idempotencyKey) });
  }

  async lookup(idempotencyKey: string): Promise<LookupOutcome> {
    return (await this.records.find(idempotencyKey)) ?? { outcome: 'NONE' };
  }
}
