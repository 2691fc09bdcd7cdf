import { formatCents } from './money';
import { orderCancelledTemplate } from './order-cancelled.template';
import { orderConfirmedTemplate } from './order-confirmed.template';
import { paymentFailedTemplate } from './payment-failed.template';

const orderId = '0b7e4c1a-2d3f-4a5b-8c6d-7e8f9a0b1c2d';
const recipient = { name: 'Ada <b>&</b>', email: 'ada@example.test' };

describe('the order mail templates', () => {
  it('confirms with the order id in the subject, the total, and the name escaped in the HTML body', () => {
    const mail = orderConfirmedTemplate.render({ recipient, data: { orderId, amountCents: 2500 } });

    expect(mail.subject).toBe(`Your order ${orderId} is confirmed`);
    expect(mail.text).toContain('Hello Ada <b>&</b>,');
    expect(mail.text).toContain('Total: 25.00');
    expect(mail.html).toContain('Hello Ada &lt;b&gt;&amp;&lt;/b&gt;,');
    expect(mail.html).not.toContain('<b>');
  });

  it.each([
    ['OUT_OF_STOCK', 'some items were out of stock'],
    ['PAYMENT_FAILED', 'the payment was declined'],
    ['PAYMENT_TIMEOUT', 'the payment did not complete in time'],
    ['CANCELLED_BY_CUSTOMER', 'you cancelled it'],
  ])('explains a cancellation for %s as "%s"', (reason, words) => {
    const mail = orderCancelledTemplate.render({ recipient, data: { orderId, reason } });

    expect(mail.subject).toBe(`Your order ${orderId} was cancelled`);
    expect(mail.text).toContain(`was cancelled because ${words}.`);
    expect(mail.html).toContain(`was cancelled because ${words}.`);
  });

  it('tells of a failed payment with its amount and reason', () => {
    const mail = paymentFailedTemplate.render({ recipient, data: { orderId, amountCents: 3750, reason: 'DECLINED' } });

    expect(mail.subject).toBe(`Payment for your order ${orderId} failed`);
    expect(mail.text).toContain('the payment of 37.50 for your order');
    expect(mail.text).toContain('because the payment was declined');
  });

  it('refuses to render without the data it needs', () => {
    expect(() => orderCancelledTemplate.render({ recipient, data: { orderId } })).toThrow('ORDER_CANCELLED needs data.reason');
  });

  it('formats cents with two decimals', () => {
    expect([0, 5, 99, 100, 2500, 123456].map(formatCents)).toEqual(['0.00', '0.05', '0.99', '1.00', '25.00', '1234.56']);
  });
});
