import { escapeHtml } from './escape-html';
import type { RenderedMail } from './mail-template';

/**
 * The layout shared by order mails: a greeting, some paragraphs, a sign-off. `paragraphs` are
 * our own words with at most ids and amounts in them; only the name is user text.
 */
export const orderMail = (name: string, subject: string, paragraphs: string[]): RenderedMail => ({
  subject,
  text: `Hello ${name},\n\n${paragraphs.join('\n\n')}\n\nThe Event Shop team\n`,
  html: `<p>Hello ${escapeHtml(name)},</p>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}<p>The Event Shop team</p>`,
});
