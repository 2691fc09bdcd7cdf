import type { MailTemplate } from './mail-template';
import { required } from './mail-template';
import { formatCents } from './money';
import { orderMail } from './order-mail';

/** Sent once per OrderConfirmed. Subjects hold fixed words and the order id (a uuid) only. */
export const orderConfirmedTemplate: MailTemplate = {
  name: 'ORDER_CONFIRMED',
  render: ({ recipient, data }) => {
    const orderId = required('ORDER_CONFIRMED', data, 'orderId');
    const total = formatCents(required('ORDER_CONFIRMED', data, 'amountCents'));
    return orderMail(recipient.name, `Your order ${orderId} is confirmed`, [
      `thank you for your order ${orderId}. Your payment went through and the order is confirmed.`,
      `Total: ${total}`,
    ]);
  },
};
