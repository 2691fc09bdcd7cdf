import { validateInput } from '../../shared/validate-input';
import { createOrderSchema } from './create-order.schema';

const valid = { lines: [{ sku: 'sku-1', quantity: 2 }], paymentToken: 'tok_visa' };
const fieldOf = (input: object) => {
  try {
    validateInput(createOrderSchema, input);
    return 'valid';
  } catch (error) {
    return [(error as { code: string }).code, (error as { field?: string }).field];
  }
};

describe('createOrderSchema', () => {
  it('accepts an order with or without an idempotency key', () => {
    expect(fieldOf(valid)).toBe('valid');
    expect(fieldOf({ ...valid, idempotencyKey: 'k-1', lines: Array.from({ length: 50 }, () => ({ sku: 'a', quantity: 1000 })) })).toBe('valid');
  });

  it.each([
    ['no lines', { ...valid, lines: [] }, 'lines'],
    ['51 lines', { ...valid, lines: Array.from({ length: 51 }, () => valid.lines[0]) }, 'lines'],
    ['quantity 0', { ...valid, lines: [valid.lines[0], { sku: 'b', quantity: 0 }] }, 'lines.1.quantity'],
    ['a negative quantity', { ...valid, lines: [{ sku: 'b', quantity: -3 }] }, 'lines.0.quantity'],
    ['quantity 1001', { ...valid, lines: [{ sku: 'b', quantity: 1001 }] }, 'lines.0.quantity'],
    ['an empty sku', { ...valid, lines: [{ sku: '', quantity: 1 }] }, 'lines.0.sku'],
    ['a 65-character sku', { ...valid, lines: [{ sku: 'x'.repeat(65), quantity: 1 }] }, 'lines.0.sku'],
    ['an empty payment token', { ...valid, paymentToken: '' }, 'paymentToken'],
    ['an empty idempotency key', { ...valid, idempotencyKey: '' }, 'idempotencyKey'],
  ])('refuses %s as BAD_USER_INPUT on %s', (_, input, field) => {
    expect(fieldOf(input)).toEqual(['BAD_USER_INPUT', field]);
  });
});
