import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface CaughtMail {
  id: string;
  envelope: { from: string | null; to: string[]; receivedAt: string };
  mail: ParsedMail;
}

/** The folder where the local SMTP catcher (scripts/stack/smtp-catcher.ts) keeps messages. */
export const mailDir = (): string => process.env.MAIL_DIR ?? join(__dirname, '..', '..', '.stack', 'smtp', 'mail');

/** Every message the catcher has received, oldest first (ids sort by arrival time). */
export const readMailbox = async (): Promise<CaughtMail[]> => {
  const dir = mailDir();
  if (!existsSync(dir)) return [];
  const ids = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  return Promise.all(
    ids.map(async (id) => ({
      id,
      envelope: JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')),
      mail: await simpleParser(readFileSync(join(dir, `${id}.eml`))),
    })),
  );
};
