import type { PaymentFailed } from '@app/events';
import type { MailTemplate } from './mail-template';
import { required } from './mail-template';
import { formatCents } from './money';
import { orderMail } from './order-mail';

/**
 * PaymentFailed's reasons in words; completes "... failed because ...". The provider's own
 * message is left out: it is outside our control, and a mail is kept forever.
 */
export const PAYMENT_FAILURE_WORDS: Record<PaymentFailed['payload']['reason'], string> = {
  DECLINED: 'the payment was declined',
  TIMEOUT: 'the payment did not complete in time',
  ERROR: 'the payment could not be processed',
};

/** Sent once per PaymentFailed; the order's cancellation follows in its own mail. */
export const paymentFailedTemplate: MailTemplate = {
  name: 'PAYMENT_FAILED',
  render: ({ recipient, data }) => {
    const orderId = required('PAYMENT_FAILED', data, 'orderId');
    const amount = formatCents(required('PAYMENT_FAILED', data, 'amountCents'));
    const because = PAYMENT_FAILURE_WORDS[required('PAYMENT_FAILED', data, 'reason') as keyof typeof PAYMENT_FAILURE_WORDS];
    return orderMail(recipient.name, `Payment for your order ${orderId} failed`, [
      `the payment of ${amount} for your order ${orderId} failed${because ? ` because ${because}` : ''}.`,
      'You were not charged.',
    ]);
  },
};
