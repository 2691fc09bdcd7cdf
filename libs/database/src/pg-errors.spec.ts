import { isUniqueViolation } from './pg-errors';

describe('isUniqueViolation', () => {
  it('recognises SQLSTATE 23505 and nothing else', () => {
    expect(isUniqueViolation({ code: '23505', constraint: 'events_stream_version_uk' })).toBe(true);
    for (const other of [{ code: '23503' }, { code: 23505 }, new Error('23505'), null, undefined, '23505']) expect(isUniqueViolation(other)).toBe(false);
  });
});
