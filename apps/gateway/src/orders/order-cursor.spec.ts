import { randomUUID } from 'node:crypto';
import { decodeOrderCursor, encodeOrderCursor } from './order-cursor';

describe('order cursors', () => {
  it('round-trip a position as an opaque string', () => {
    const position = { createdAt: '2026-01-02T03:04:05.123456Z', id: randomUUID() };
    const cursor = encodeOrderCursor(position);

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeOrderCursor(cursor)).toEqual(position);
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['a JSON object', Buffer.from('{"a":1}').toString('base64url')],
    ['SQL in the timestamp', Buffer.from(JSON.stringify(["2026-01-02'; DROP TABLE x; --", randomUUID()])).toString('base64url')],
    ['an id that is no UUID', Buffer.from(JSON.stringify(['2026-01-02T03:04:05.123456Z', 'x'])).toString('base64url')],
  ])('refuses %s as BAD_USER_INPUT on after', (_, cursor) => {
    expect(() => decodeOrderCursor(cursor)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
  });
});
