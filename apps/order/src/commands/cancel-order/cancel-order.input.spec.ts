import { randomUUID } from 'node:crypto';
import { parseCancelOrderInput } from './cancel-order.input';

describe('parseCancelOrderInput', () => {
  const orderId = randomUUID();

  it('turns the free-text reason into the detail, trimmed, and drops an empty one', () => {
    expect(parseCancelOrderInput({ orderId, reason: '  too slow ' })).toEqual({ orderId, detail: 'too slow' });
    expect(parseCancelOrderInput({ orderId, reason: '   ' })).toEqual({ orderId, detail: undefined });
    expect(parseCancelOrderInput({ orderId, reason: null })).toEqual({ orderId, detail: undefined });
    expect(parseCancelOrderInput({ orderId })).toEqual({ orderId, detail: undefined });
  });

  it.each([
    ['orderId', { reason: 'x' }],
    ['orderId', { orderId: 'order-1' }],
    ['reason', { orderId, reason: 'r'.repeat(501) }],
    ['reason', { orderId, reason: 42 }],
  ])('refuses a bad %s as BAD_USER_INPUT naming it', (field, data) => {
    expect(() => parseCancelOrderInput(data)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
  });
});
