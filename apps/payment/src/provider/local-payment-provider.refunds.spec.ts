import { LocalPaymentProvider, SLOW_TOKEN } from './local-payment-provider';

// refund, lookup and tok_slow: what the reconciler and the refund path rely on from the stand-in.
const orderId = '6f1c2a52-8a3e-4f0b-9d7e-2f3b4c5d6e7f';
const SLOW_MS = 3000;
const provider = () => new LocalPaymentProvider({ localSlowMs: SLOW_MS });
const charge = (on: LocalPaymentProvider, token: string, idempotencyKey = orderId) => on.charge({ idempotencyKey, amountCents: 1250, token });

describe('LocalPaymentProvider lookup', () => {
  it('says NONE for a key it never charged, and for a tok_timeout charge that never happens', async () => {
    const on = provider();
    void charge(on, 'tok_timeout');

    await expect(on.lookup(orderId)).resolves.toEqual({ outcome: 'NONE' });
    await expect(on.lookup('00000000-0000-4000-8000-000000000000')).resolves.toEqual({ outcome: 'NONE' });
  });

  it('answers with the outcome it gave, approved or declined', async () => {
    const on = provider();
    const approved = await charge(on, 'tok_visa');
    const declined = await charge(on, 'tok_declined', 'other-order');

    await expect(on.lookup(orderId)).resolves.toEqual(approved);
    await expect(on.lookup('other-order')).resolves.toEqual({ outcome: 'DECLINED', message: 'card declined' });
    expect(declined).toEqual({ outcome: 'DECLINED', message: 'card declined' });
  });

  it('keeps the first outcome for a key, whatever token a repeat carries', async () => {
    const on = provider();
    const first = await charge(on, 'tok_visa');
    await charge(on, 'tok_declined');

    await expect(on.lookup(orderId)).resolves.toEqual(first);
  });

  it('knows nothing another instance charged: its memory is per process (a real adapter asks the processor)', async () => {
    await charge(provider(), 'tok_visa');

    await expect(provider().lookup(orderId)).resolves.toEqual({ outcome: 'NONE' });
  });
});

describe('LocalPaymentProvider tok_slow', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('approves after PAYMENT_LOCAL_SLOW_MS, is not NONE meanwhile, and holds no timer once it has answered', async () => {
    const on = provider();
    const settled = jest.fn();
    void charge(on, SLOW_TOKEN).then(settled);

    await jest.advanceTimersByTimeAsync(SLOW_MS - 1);
    expect(settled).not.toHaveBeenCalled();
    expect((await on.lookup(orderId)).outcome).not.toBe('NONE');

    await jest.advanceTimersByTimeAsync(1);
    expect(settled).toHaveBeenCalledWith({ outcome: 'APPROVED', providerRef: expect.stringMatching(/^local_[0-9a-f]{24}$/) });
    await expect(on.lookup(orderId)).resolves.toEqual(settled.mock.calls[0][0]);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('LocalPaymentProvider refund', () => {
  it('refunds with a reference of its own, the same one for the same key, another for another key', async () => {
    const on = provider();
    const first = await on.refund({ idempotencyKey: orderId, amountCents: 1250 });

    expect(first).toEqual({ outcome: 'REFUNDED', providerRef: expect.stringMatching(/^refund_[0-9a-f]{24}$/) });
    await expect(on.refund({ idempotencyKey: orderId, amountCents: 1250 })).resolves.toEqual(first);
    await expect(on.refund({ idempotencyKey: 'other-order', amountCents: 1250 })).resolves.not.toEqual(first);
  });

  it('never reuses the charge reference of the same key for the refund', async () => {
    const on = provider();
    const charged = await charge(on, 'tok_visa');
    const refunded = await on.refund({ idempotencyKey: orderId, amountCents: 1250 });

    expect(charged.outcome === 'APPROVED' && charged.providerRef).not.toBe(refunded.providerRef);
  });
});
