import type { MailTemplate } from './mail-template';
import { orderCancelledTemplate } from './order-cancelled.template';
import { orderConfirmedTemplate } from './order-confirmed.template';
import { paymentFailedTemplate } from './payment-failed.template';
import { paymentRefundedTemplate } from './payment-refunded.template';
import { welcomeTemplate } from './welcome.template';

export * from './mail-template';

/** Every email template by its `deliveries.template` name; add new ones here. */
export const TEMPLATES: ReadonlyMap<string, MailTemplate> = new Map(
  [welcomeTemplate, orderConfirmedTemplate, orderCancelledTemplate, paymentFailedTemplate, paymentRefundedTemplate].map((t) => [t.name, t]),
);
