import { existsSync, openSync, readSync, closeSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const HEAD_BYTES = 16 * 1024;

/**
 * How many caught mails carry each Message-ID. The dispatcher derives it from the delivery
 * (`<deliveryId@domain>`), so it ties every mail to the notification it is for. Only the head of
 * each file is read: a shared mailbox under `npm test` holds thousands.
 */
export const mailsByMessageId = (mailDir: string): Map<string, number> => {
  const counts = new Map<string, number>();
  if (!existsSync(mailDir)) return counts;
  const head = Buffer.alloc(HEAD_BYTES);
  for (const file of readdirSync(mailDir).filter((f) => f.endsWith('.eml') && !f.startsWith('.'))) {
    const fd = openSync(join(mailDir, file), 'r');
    let text: string;
    try {
      text = head.toString('utf8', 0, readSync(fd, head, 0, HEAD_BYTES, 0));
    } finally {
      closeSync(fd);
    }
    // Keyed by the delivery id, the part before the @.
    const id = /^Message-ID:\s*<([^>@]+)@/im.exec(text)?.[1];
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
};
