import { deadLetterHeaders, describeError, withoutDeadLetterHeaders } from './dead-letter-headers';

describe('dead-letter headers', () => {
  it("takes the error's code, or the fallback, and a one-line bounded message without the stack", () => {
    expect(describeError(Object.assign(new Error('stock\n  went negative'), { code: 'STOCK_NEGATIVE' }), 'HANDLER_FAILED')).toEqual({
      code: 'STOCK_NEGATIVE',
      message: 'stock went negative',
    });
    expect(describeError(new Error('x'.repeat(2000)), 'HANDLER_FAILED')).toEqual({ code: 'HANDLER_FAILED', message: 'x'.repeat(500) });
    expect(describeError('thrown string', 'HANDLER_FAILED')).toEqual({ code: 'HANDLER_FAILED', message: 'thrown string' });
  });

  it('adds the failure and the source position, and strips them again for a redrive', () => {
    const headers = deadLetterHeaders(
      { topic: 'orders.events', partition: 2, offset: '41' },
      { consumer: 'inventory', code: 'HANDLER_FAILED', message: 'boom', attempts: 5 },
      new Date('2026-01-02T03:04:05.000Z'),
    );
    expect(headers).toEqual({
      'dlq-error-code': 'HANDLER_FAILED',
      'dlq-error-message': 'boom',
      'dlq-attempts': '5',
      'dlq-source-topic': 'orders.events',
      'dlq-source-partition': '2',
      'dlq-source-offset': '41',
      'dlq-consumer': 'inventory',
      'dlq-failed-at': '2026-01-02T03:04:05.000Z',
    });
    expect(withoutDeadLetterHeaders({ 'event-id': 'e1', ...headers })).toEqual({ 'event-id': 'e1' });
  });
});
