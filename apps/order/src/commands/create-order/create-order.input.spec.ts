import { CommandRejected } from '@app/commands';
import { sealFor } from '../../../../../test/support/command-security';
import { parseCreateOrderInput } from './create-order.input';

// As the gateway sends it: sealed to the payment service (this service only keeps and forwards it).
const valid = { lines: [{ sku: 'sku-1', quantity: 1 }], paymentToken: sealFor('payment', 'paymentToken', 'tok_visa_4242') };

const rejection = (data: unknown): CommandRejected => {
  try {
    parseCreateOrderInput(data);
  } catch (err) {
    if (err instanceof CommandRejected) return err;
    throw err;
  }
  throw new Error('expected a rejection');
};

describe('parseCreateOrderInput', () => {
  it('accepts lines, a token and an optional idempotency key, and drops unknown keys', () => {
    expect(parseCreateOrderInput({ ...valid, idempotencyKey: 'k-1', userId: 'someone-else' })).toEqual({ ...valid, idempotencyKey: 'k-1' });
    expect(parseCreateOrderInput(valid)).toEqual({ ...valid, idempotencyKey: undefined });
    expect(parseCreateOrderInput({ ...valid, idempotencyKey: null })).toEqual({ ...valid, idempotencyKey: undefined });
  });

  it('accepts the bounds: 50 lines, quantities 1 and 1000, a 64-character sku, a sealed 200-character token, a 200-character key', () => {
    const lines = Array.from({ length: 50 }, (_, i) => ({ sku: i ? `s${i}` : 's'.repeat(64), quantity: i % 2 ? 1 : 1000 }));
    const paymentToken = sealFor('payment', 'paymentToken', 't'.repeat(200));
    expect(() => parseCreateOrderInput({ lines, paymentToken, idempotencyKey: 'k'.repeat(200) })).not.toThrow();
  });

  it.each([
    ['lines', 'missing', { paymentToken: valid.paymentToken }],
    ['lines', 'empty', { ...valid, lines: [] }],
    ['lines', 'more than 50', { ...valid, lines: Array.from({ length: 51 }, () => ({ sku: 's', quantity: 1 })) }],
    ['lines.0', 'not an object', { ...valid, lines: ['sku-1'] }],
    ['lines.0.quantity', 'zero', { ...valid, lines: [{ sku: 's', quantity: 0 }] }],
    ['lines.1.quantity', 'above 1000', { ...valid, lines: [{ sku: 's', quantity: 1 }, { sku: 't', quantity: 1001 }] }],
    ['lines.0.quantity', 'not whole', { ...valid, lines: [{ sku: 's', quantity: 1.5 }] }],
    ['lines.0.quantity', 'a string', { ...valid, lines: [{ sku: 's', quantity: '2' }] }],
    ['lines.0.sku', 'empty', { ...valid, lines: [{ sku: '', quantity: 1 }] }],
    ['lines.2.sku', 'longer than 64', { ...valid, lines: [{ sku: 'a', quantity: 1 }, { sku: 'b', quantity: 1 }, { sku: 's'.repeat(65), quantity: 1 }] }],
    ['paymentToken', 'missing', { lines: valid.lines }],
    ['paymentToken', 'empty', { ...valid, paymentToken: '' }],
    ['paymentToken', 'in clear', { ...valid, paymentToken: 'tok_visa_4242' }],
    ['paymentToken', 'sealed, then cut short', { ...valid, paymentToken: valid.paymentToken.slice(0, 40) }],
    ['idempotencyKey', 'empty', { ...valid, idempotencyKey: '' }],
    ['idempotencyKey', 'longer than 200', { ...valid, idempotencyKey: 'k'.repeat(201) }],
  ])('refuses %s (%s) as BAD_USER_INPUT naming that field', (field, _case, data) => {
    expect(rejection(data).toError()).toEqual({ code: 'BAD_USER_INPUT', message: expect.any(String), field });
  });

  it('refuses data that is not an object, without a field', () => {
    expect(rejection('lines').toError()).toEqual({ code: 'BAD_USER_INPUT', message: 'command data must be an object' });
  });

  it('never echoes the payment token in its message', () => {
    const token = `tok_${'secret'.repeat(10)}`;
    expect(rejection({ ...valid, paymentToken: token }).message).not.toContain('secret');
  });
});
