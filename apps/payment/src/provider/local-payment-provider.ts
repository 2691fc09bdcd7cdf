import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type ChargeOutcome, type ChargeRequest, PaymentProvider } from './payment-provider';

export const DECLINED_TOKEN = 'tok_declined';
export const TIMEOUT_TOKEN = 'tok_timeout';

/**
 * A deterministic stand-in for a card processor (local runs, demos, tests), chosen by token.
 * It keeps no state yet is idempotent like a real one: the reference derives from the key, so
 * asking again for the same order yields the same charge, never a second one.
 */
@Injectable()
export class LocalPaymentProvider extends PaymentProvider {
  charge({ idempotencyKey, token }: ChargeRequest): Promise<ChargeOutcome> {
    if (token === DECLINED_TOKEN) return Promise.resolve({ outcome: 'DECLINED', message: 'card declined' });
    // A provider that never answers: no timer or socket behind it, so nothing keeps a process alive.
    if (token === TIMEOUT_TOKEN) return new Promise<never>(() => {});
    const ref = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24);
    return Promise.resolve({ outcome: 'APPROVED', providerRef: `local_${ref}` });
  }
}
