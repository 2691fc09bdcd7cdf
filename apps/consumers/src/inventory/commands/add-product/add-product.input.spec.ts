import { CommandRejected } from '@app/commands';
import { parseAddProductInput } from './add-product.input';

const valid = { sku: 'MUG-blue_1.0', name: 'Blue mug', priceCents: 1299, initialStock: 10 };

const fieldAtFault = (data: unknown): string | undefined => {
  try {
    parseAddProductInput(data);
  } catch (err) {
    if (err instanceof CommandRejected && err.code === 'BAD_USER_INPUT') return err.field;
    throw err;
  }
  throw new Error('expected a rejection');
};

describe('parseAddProductInput', () => {
  it('accepts a valid product, trims the name and drops unknown keys', () => {
    expect(parseAddProductInput({ ...valid, name: '  Blue mug ', reserved: 5 })).toEqual(valid);
  });

  it('accepts the bounds', () => {
    expect(() => parseAddProductInput({ sku: 's'.repeat(64), name: 'n'.repeat(200), priceCents: 100_000_000, initialStock: 1_000_000 })).not.toThrow();
    expect(() => parseAddProductInput({ ...valid, priceCents: 0, initialStock: 0 })).not.toThrow();
  });

  it.each([
    ['sku', { ...valid, sku: '' }],
    ['sku', { ...valid, sku: 's'.repeat(65) }],
    ['sku', { ...valid, sku: 'with space' }],
    ['sku', { ...valid, sku: 'slash/sku' }],
    ['name', { ...valid, name: '   ' }],
    ['name', { ...valid, name: 'n'.repeat(201) }],
    ['priceCents', { ...valid, priceCents: 12.5 }],
    ['priceCents', { ...valid, priceCents: -1 }],
    ['priceCents', { ...valid, priceCents: 100_000_001 }],
    ['priceCents', { ...valid, priceCents: '1299' }],
    ['initialStock', { ...valid, initialStock: -1 }],
    ['initialStock', { ...valid, initialStock: 1_000_001 }],
  ])('refuses a bad %s as BAD_USER_INPUT naming it (%j)', (field, data) => {
    expect(fieldAtFault(data)).toBe(field);
  });
});
