import { validateInput } from '../shared/validate-input';
import { addProductSchema, restockProductSchema } from './product-input.schema';

const fieldOf = (schema: Parameters<typeof validateInput>[0], input: object) => {
  try {
    validateInput(schema, input);
    return 'valid';
  } catch (error) {
    return (error as { field?: string }).field;
  }
};
const product = { sku: 'sku-1', name: 'Mug', priceCents: 0, initialStock: 0 };

describe('product input schemas', () => {
  it('accept a free product with no stock and a restock of one', () => {
    expect(fieldOf(addProductSchema, product)).toBe('valid');
    expect(fieldOf(restockProductSchema, { sku: 'sku-1', quantity: 1 })).toBe('valid');
  });

  it.each([
    [{ ...product, sku: '' }, 'sku'],
    [{ ...product, sku: 'x'.repeat(65) }, 'sku'],
    [{ ...product, name: '' }, 'name'],
    [{ ...product, name: 'x'.repeat(201) }, 'name'],
    [{ ...product, priceCents: -1 }, 'priceCents'],
    [{ ...product, initialStock: -1 }, 'initialStock'],
  ])('refuse an addProduct with a bad %o', (input, field) => {
    expect(fieldOf(addProductSchema, input)).toBe(field);
  });

  it.each([0, -5])('refuse a restock of %d', (quantity) => {
    expect(fieldOf(restockProductSchema, { sku: 'sku-1', quantity })).toBe('quantity');
  });
});
