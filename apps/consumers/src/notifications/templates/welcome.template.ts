import { escapeHtml } from './escape-html';
import type { MailTemplate } from './mail-template';

/** Sent once per UserRegistered. The subject is fixed: user text stays out of mail headers. */
export const welcomeTemplate: MailTemplate = {
  name: 'WELCOME',
  render: ({ recipient }) => ({
    subject: 'Welcome to Event Shop',
    text: `Hello ${recipient.name},\n\nyour Event Shop account is ready. Happy shopping!\n\nThe Event Shop team\n`,
    html:
      `<p>Hello ${escapeHtml(recipient.name)},</p>` +
      `<p>your Event Shop account is ready. Happy shopping!</p>` +
      `<p>The Event Shop team</p>`,
  }),
};
