import { formatCents } from './money';
import { orderCancelledTemplate } from './order-cancelled.template';
import { orderConfirmedTemplate } from './order-confirmed.template';
import { paymentFailedTemplate } from './payment-failed.template';
import { paymentRefundedTemplate } from './payment-refunded.template';
import { TEMPLATES } from '.';

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
    ['FULFILMENT_TIMEOUT', 'we could not process it in time'],
    ['CANCELLED_BY_CUSTOMER', 'you cancelled it'],
  ])('explains a cancellation for %s as "%s"', (reason, words) => {
    const mail = orderCancelledTemplate.render({ recipient, data: { orderId, reason } });

    expect(mail.subject).toBe(`Your order ${orderId} was cancelled`);
    expect(mail.text).toContain(`was cancelled because ${words}.`);
    expect(mail.html).toContain(`was cancelled because ${words}.`);
    expect(mail.text).not.toContain('Nothing was charged');
  });

  it('still makes a sensible cancellation mail for a reason newer than the template', () => {
    const mail = orderCancelledTemplate.render({ recipient, data: { orderId, reason: 'SOMETHING_NEW' } });

    expect(mail.text).toContain(`your order ${orderId} was cancelled.`);
    expect(mail.text).not.toContain('because');
  });

  it('tells of a failed payment with its amount and reason', () => {
    const mail = paymentFailedTemplate.render({ recipient, data: { orderId, amountCents: 3750, reason: 'DECLINED' } });

    expect(mail.subject).toBe(`Payment for your order ${orderId} failed`);
    expect(mail.text).toContain('the payment of 37.50 for your order');
    expect(mail.text).toContain('because the payment was declined');
  });

  it('tells of a refunded payment with its amount and the order id, the name escaped in the HTML body', () => {
    const mail = paymentRefundedTemplate.render({ recipient, data: { orderId, amountCents: 3750 } });

    expect(mail.subject).toBe(`Your payment for order ${orderId} was refunded`);
    expect(mail.text).toContain(`your payment of 37.50 for your order ${orderId} was refunded.`);
    expect(mail.html).toContain(`your payment of 37.50 for your order ${orderId} was refunded.`);
    expect(mail.html).toContain('Hello Ada &lt;b&gt;&amp;&lt;/b&gt;,');
  });

  it('selects the refund template by its deliveries.template name', () => {
    expect(TEMPLATES.get('PAYMENT_REFUNDED')).toBe(paymentRefundedTemplate);
  });

  it('refuses to render without the data it needs', () => {
    expect(() => orderCancelledTemplate.render({ recipient, data: { orderId } })).toThrow('ORDER_CANCELLED needs data.reason');
    expect(() => paymentRefundedTemplate.render({ recipient, data: { orderId } })).toThrow('PAYMENT_REFUNDED needs data.amountCents');
  });

  it('formats cents with two decimals', () => {
    expect([0, 5, 99, 100, 2500, 123456].map(formatCents)).toEqual(['0.00', '0.05', '0.99', '1.00', '25.00', '1234.56']);
  });
});
