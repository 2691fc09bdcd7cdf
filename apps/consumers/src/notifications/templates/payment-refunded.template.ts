import type { MailTemplate } from './mail-template';
import { required } from './mail-template';
import { formatCents } from './money';
import { orderMail } from './order-mail';

/** Sent once per PaymentRefunded: only a cancelled order's payment is given back, after its cancellation mail. */
export const paymentRefundedTemplate: MailTemplate = {
  name: 'PAYMENT_REFUNDED',
  render: ({ recipient, data }) => {
    const orderId = required('PAYMENT_REFUNDED', data, 'orderId');
    const amount = formatCents(required('PAYMENT_REFUNDED', data, 'amountCents'));
    return orderMail(recipient.name, `Your payment for order ${orderId} was refunded`, [
      `your payment of ${amount} for your order ${orderId} was refunded.`,
      'The money goes back to the card you paid with.',
    ]);
  },
};
