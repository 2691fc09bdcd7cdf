import { CommandRejected } from '@app/commands';
import { parseRestockProductInput } from './restock-product.input';

const fieldAtFault = (data: unknown): string | undefined => {
  try {
    parseRestockProductInput(data);
  } catch (err) {
    if (err instanceof CommandRejected && err.code === 'BAD_USER_INPUT') return err.field;
    throw err;
  }
  throw new Error('expected a rejection');
};

describe('parseRestockProductInput', () => {
  it('accepts quantities from 1 to 1,000,000', () => {
    expect(parseRestockProductInput({ sku: 'A-1', quantity: 1 })).toEqual({ sku: 'A-1', quantity: 1 });
    expect(() => parseRestockProductInput({ sku: 'A-1', quantity: 1_000_000 })).not.toThrow();
  });

  it.each([
    ['quantity', { sku: 'A-1', quantity: 0 }],
    ['quantity', { sku: 'A-1', quantity: -3 }],
    ['quantity', { sku: 'A-1', quantity: 1_000_001 }],
    ['quantity', { sku: 'A-1', quantity: 1.5 }],
    ['sku', { sku: 'a b', quantity: 1 }],
    ['sku', { quantity: 1 }],
  ])('refuses a bad %s as BAD_USER_INPUT naming it (%j)', (field, data) => {
    expect(fieldAtFault(data)).toBe(field);
  });
});
