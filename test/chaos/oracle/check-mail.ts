import { finding, type Finding } from './findings';
import type { Check } from './oracle-input';

const CHECK = 'one mail per email notification';

/** The events that owe their user an email, and its template (apps/consumers/src/notifications). */
const EMAIL_FOR: Record<string, string> = {
  UserRegistered: 'WELCOME',
  OrderConfirmed: 'ORDER_CONFIRMED',
  OrderCancelled: 'ORDER_CANCELLED',
  PaymentFailed: 'PAYMENT_FAILED',
};

/**
 * Each event that owes an email has its EMAIL delivery, and each EMAIL delivery of the scenario
 * reached the SMTP server exactly once (its Message-ID is the delivery id): none lost, none sent
 * twice, none left PENDING once the system is idle.
 */
export const checkMail: Check = ({ snapshot: s, mails }) => {
  const out: Finding[] = [];
  const emails = s.deliveries.filter((d) => d.channel === 'EMAIL');
  const recorded = new Set(emails.map((d) => `${d.event_id} ${d.template}`));
  for (const e of s.scoped) {
    const template = EMAIL_FOR[e.type];
    if (template && !recorded.has(`${e.eventId} ${template}`)) out.push(finding(CHECK, 'lost', `no ${template} email recorded for ${e.type} ${e.eventId} (${e.streamId})`));
  }
  for (const d of emails) {
    const sent = mails.get(d.id) ?? 0;
    if (d.status === 'PENDING') out.push(finding(CHECK, 'stuck', `${d.template} delivery ${d.id} still PENDING`));
    else if (d.status !== 'SENT') out.push(finding(CHECK, 'lost', `${d.template} delivery ${d.id} is ${d.status}`));
    if (sent > 1) out.push(finding(CHECK, 'duplicated', `${d.template} delivery ${d.id} was mailed ${sent} times`));
    if (sent === 0 && d.status === 'SENT') out.push(finding(CHECK, 'lost', `${d.template} delivery ${d.id} is SENT but no mail with its Message-ID was caught`));
  }
  return out;
};
