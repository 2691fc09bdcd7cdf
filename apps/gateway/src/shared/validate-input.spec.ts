import { z } from 'zod';
import { validateInput } from './validate-input';

const schema = z.object({ lines: z.array(z.object({ quantity: z.number().min(1, 'quantity must be at least 1') })).min(1, 'at least one line') });

describe('validateInput', () => {
  it('returns the parsed value', () => {
    expect(validateInput(schema, { lines: [{ quantity: 2 }] })).toEqual({ lines: [{ quantity: 2 }] });
  });

  it('names the field at fault by its dotted path, with the schema message', () => {
    expect(() => validateInput(schema, { lines: [{ quantity: 1 }, { quantity: 0 }] })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'lines.1.quantity', message: 'quantity must be at least 1' }),
    );
    expect(() => validateInput(schema, { lines: [] })).toThrow(expect.objectContaining({ field: 'lines', message: 'at least one line' }));
  });
});
