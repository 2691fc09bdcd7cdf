import { parseRefundPaymentInput } from './refund-payment.input';

describe('parseRefundPaymentInput', () => {
  it('takes an order id', () => {
    const orderId = '6f1c2a52-8a3e-4f0b-9d7e-2f3b4c5d6e7f';
    expect(parseRefundPaymentInput({ orderId, extra: 1 })).toEqual({ orderId });
  });

  it.each([[{}], [{ orderId: 'not-a-uuid' }], [null]])('refuses %p as BAD_USER_INPUT', (data) => {
    expect(() => parseRefundPaymentInput(data)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
