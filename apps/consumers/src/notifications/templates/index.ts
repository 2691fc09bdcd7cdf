import type { MailTemplate } from './mail-template';
import { welcomeTemplate } from './welcome.template';

export * from './mail-template';

/** Every email template by its `deliveries.template` name; add new ones here. */
export const TEMPLATES: ReadonlyMap<string, MailTemplate> = new Map([welcomeTemplate].map((t) => [t.name, t]));
