import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { type CaughtMail, mailDir } from '../../../../test/support/mailbox';

/**
 * The caught mails addressed to `address`, oldest first. Like readMailbox, but it parses only the
 * matching messages: the catcher keeps every mail of every run, and tests poll this.
 */
export const mailsTo = async (address: string): Promise<CaughtMail[]> => {
  const dir = mailDir();
  if (!existsSync(dir)) return [];
  const ids = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  const matching = ids
    .map((id) => ({ id, envelope: JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as CaughtMail['envelope'] }))
    .filter(({ envelope }) => envelope.to.includes(address));
  return Promise.all(matching.map(async ({ id, envelope }) => ({ id, envelope, mail: await simpleParser(readFileSync(join(dir, `${id}.eml`))) })));
};
