import { safeErrorText } from './safe-error-text';

describe('safeErrorText', () => {
  it('keeps the code and message of an SMTP error', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1025'), { code: 'ESOCKET' });
    expect(safeErrorText(error)).toBe('ESOCKET: connect ECONNREFUSED 127.0.0.1:1025');
  });

  it('masks credentials in a quoted URL and bounds the length', () => {
    const text = safeErrorText(new Error(`cannot reach smtps://shop:s3cret@mail:465 ${'x'.repeat(1000)}`));
    expect(text).toContain('smtps://***@mail:465');
    expect(text).not.toContain('s3cret');
    expect(text.length).toBe(500);
  });
});
