import { LocalChargeRecords } from './local-charge-records';
import { LocalPaymentProvider } from './local-payment-provider';
import type { LookupOutcome } from './payment-provider';
import { TIMED_OUT, withDeadline } from './with-deadline';

const orderId = '6f1c2a52-8a3e-4f0b-9d7e-2f3b4c5d6e7f';
/** The records in memory: the provider's decisions are what is under test here, not PostgreSQL. */
class MemoryRecords extends LocalChargeRecords {
  private readonly rows = new Map<string, LookupOutcome>();

  find(key: string): Promise<LookupOutcome | undefined> {
    return Promise.resolve(this.rows.get(key));
  }

  save(key: string, outcome: LookupOutcome): Promise<LookupOutcome> {
    if (this.rows.get(key)?.outcome !== 'PENDING' && this.rows.has(key)) return Promise.resolve(this.rows.get(key)!);
    this.rows.set(key, outcome);
    return Promise.resolve(outcome);
  }
}

const provider = () => new LocalPaymentProvider({ localSlowMs: 3000 }, new MemoryRecords());
const charge = (token: string, idempotencyKey = orderId, on = provider()) => on.charge({ idempotencyKey, amountCents: 1250, token });

describe('LocalPaymentProvider', () => {
  it('approves any ordinary token with a reference of its own', async () => {
    await expect(charge('tok_visa')).resolves.toEqual({ outcome: 'APPROVED', providerRef: expect.stringMatching(/^local_[0-9a-f]{24}$/) });
  });

  it('answers the same order with the same charge, and another order with another', async () => {
    const first = await charge('tok_visa');

    expect(await charge('tok_other')).toEqual(first);
    expect(await charge('tok_visa', '00000000-0000-4000-8000-000000000000')).not.toEqual(first);
  });

  it('declines tok_declined with a message that does not echo the token', async () => {
    await expect(charge('tok_declined')).resolves.toEqual({ outcome: 'DECLINED', message: 'card declined' });
  });

  it('never answers tok_timeout, and holds no timer while not answering', async () => {
    jest.useFakeTimers();
    try {
      const settled = jest.fn();
      void charge('tok_timeout').then(settled, settled);
      await jest.advanceTimersByTimeAsync(60_000);

      expect(settled).not.toHaveBeenCalled();
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps the approved reference free of the token', async () => {
    expect(JSON.stringify(await charge('tok_secret_4242'))).not.toContain('secret');
  });
});

describe('withDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('gives the answer that comes in time and clears its timer', async () => {
    await expect(withDeadline(Promise.resolve('ok'), 1000)).resolves.toBe('ok');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('passes on a rejection that comes in time', async () => {
    await expect(withDeadline(Promise.reject(new Error('refused')), 1000)).rejects.toThrow('refused');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('gives up on a call that never settles once the deadline passes, leaving no timer', async () => {
    const result = withDeadline(new Promise<never>(() => {}), 1000);
    await jest.advanceTimersByTimeAsync(999);
    expect(jest.getTimerCount()).toBe(1);

    await jest.advanceTimersByTimeAsync(1);

    await expect(result).resolves.toBe(TIMED_OUT);
    expect(jest.getTimerCount()).toBe(0);
  });
});
