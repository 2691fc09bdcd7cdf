import type { OrderCancelled } from '@app/events';
import type { MailTemplate } from './mail-template';
import { required } from './mail-template';
import { orderMail } from './order-mail';

/** OrderCancelled's reasons as a customer reads them; completes "... was cancelled because ...". */
export const CANCELLATION_WORDS: Record<OrderCancelled['payload']['reason'], string> = {
  OUT_OF_STOCK: 'some items were out of stock',
  PAYMENT_FAILED: 'the payment was declined',
  PAYMENT_TIMEOUT: 'the payment did not complete in time',
  FULFILMENT_TIMEOUT: 'we could not process it in time',
  CANCELLED_BY_CUSTOMER: 'you cancelled it',
};

/** Sent once per OrderCancelled, whatever the reason. */
export const orderCancelledTemplate: MailTemplate = {
  name: 'ORDER_CANCELLED',
  render: ({ recipient, data }) => {
    const orderId = required('ORDER_CANCELLED', data, 'orderId');
    const reason = required('ORDER_CANCELLED', data, 'reason');
    // A reason newer than this template (rolling deploy) still makes a sensible mail.
    const because = CANCELLATION_WORDS[reason as keyof typeof CANCELLATION_WORDS];
    return orderMail(recipient.name, `Your order ${orderId} was cancelled`, [
      because ? `your order ${orderId} was cancelled because ${because}.` : `your order ${orderId} was cancelled.`,
      // Not "nothing was charged": a payment that completes after the cancellation is refunded (its own mail).
      'Any payment taken for it is refunded, and any items it reserved are available again.',
    ]);
  },
};
