import { CommandRejected } from '@app/commands';
import { parseProcessPaymentInput } from './process-payment.input';

const valid = { orderId: '6f1c2a52-8a3e-4f0b-9d7e-2f3b4c5d6e7f', amountCents: 1250, paymentToken: 'tok_visa' };

const rejection = (data: unknown): CommandRejected => {
  try {
    parseProcessPaymentInput(data);
  } catch (err) {
    if (err instanceof CommandRejected) return err;
    throw err;
  }
  throw new Error('expected a rejection');
};

describe('parseProcessPaymentInput', () => {
  it('accepts the contract and drops keys it does not know', () => {
    expect(parseProcessPaymentInput({ ...valid, cardNumber: '4242' })).toEqual(valid);
  });

  it('accepts the bounds: 0 and 100000000 cents, tokens of 1 and 200 characters', () => {
    expect(() => parseProcessPaymentInput({ ...valid, amountCents: 0, paymentToken: 't' })).not.toThrow();
    expect(() => parseProcessPaymentInput({ ...valid, amountCents: 100_000_000, paymentToken: 't'.repeat(200) })).not.toThrow();
  });

  it.each([
    ['orderId', 'missing', { amountCents: 1, paymentToken: 'tok' }],
    ['orderId', 'not a uuid', { ...valid, orderId: 'order-1' }],
    ['amountCents', 'missing', { orderId: valid.orderId, paymentToken: 'tok' }],
    ['amountCents', 'a string', { ...valid, amountCents: '1250' }],
    ['amountCents', 'fractional', { ...valid, amountCents: 12.5 }],
    ['amountCents', 'negative', { ...valid, amountCents: -1 }],
    ['amountCents', 'above 100000000', { ...valid, amountCents: 100_000_001 }],
    ['paymentToken', 'missing', { orderId: valid.orderId, amountCents: 1 }],
    ['paymentToken', 'empty', { ...valid, paymentToken: '' }],
    ['paymentToken', 'longer than 200 characters', { ...valid, paymentToken: 't'.repeat(201) }],
  ])('refuses a bad %s (%s) as BAD_USER_INPUT naming that field', (field, _case, data) => {
    expect(rejection(data).toError()).toEqual({ code: 'BAD_USER_INPUT', message: expect.any(String), field });
  });

  it('refuses data that is not an object, without a field', () => {
    expect(rejection(null).toError()).toEqual({ code: 'BAD_USER_INPUT', message: 'command data must be an object' });
  });

  it('never echoes the token in its message', () => {
    expect(rejection({ ...valid, paymentToken: `tok_secret_${'x'.repeat(200)}` }).message).not.toContain('tok_secret');
  });
});
