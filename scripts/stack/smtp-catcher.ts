/**
 * A real SMTP listener for development and tests (run detached by the stack). Every message it
 * receives is kept as `<time>-<n>.eml` plus `<time>-<n>.json` (the SMTP envelope) in MAIL_DIR,
 * where tests and people can read it. No auth and no TLS: it listens on loopback only.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

const mailDir = process.env.MAIL_DIR ?? join(process.cwd(), '.stack', 'smtp', 'mail');
const port = Number(process.env.SMTP_PORT ?? 1025);
mkdirSync(mailDir, { recursive: true });
let received = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  banner: 'commerce dev mail catcher',
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${++received}`;
      const envelope = {
        id,
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((r) => r.address),
        receivedAt: new Date().toISOString(),
      };
      // Write-then-rename so a reader never sees half a message.
      writeFileSync(join(mailDir, `.${id}.eml`), Buffer.concat(chunks));
      renameSync(join(mailDir, `.${id}.eml`), join(mailDir, `${id}.eml`));
      writeFileSync(join(mailDir, `${id}.json`), JSON.stringify(envelope));
      console.log(`received ${id} for ${envelope.to.length} recipient(s)`);
      callback();
    });
  },
});

server.on('error', (err) => console.error(`smtp error: ${err.message}`));
server.listen(port, '127.0.0.1', () => console.log(`listening on 127.0.0.1:${port}, mail in ${mailDir}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
