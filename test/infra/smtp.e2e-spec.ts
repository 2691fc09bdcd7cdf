import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { loadConfig } from '@app/config';
import { readMailbox } from '../support/mailbox';
import { waitFor } from '../support/wait-for';

const { smtpUrl } = loadConfig();

describe('SMTP', () => {
  it('delivers a mail sent over SMTP to the mail catcher, where a test can read it', async () => {
    const transport = createTransport(smtpUrl);
    const marker = randomUUID();
    const to = `buyer-${marker}@example.test`;
    await transport.sendMail({ from: 'shop@example.test', to, subject: `Hello ${marker}`, text: `Body ${marker}` });
    transport.close();

    const caught = await waitFor('the mail to be caught', async () => (await readMailbox()).find((m) => m.envelope.to.includes(to)));
    expect(caught.mail.subject).toBe(`Hello ${marker}`);
    expect(caught.mail.text?.trim()).toBe(`Body ${marker}`);
    expect(caught.envelope.from).toBe('shop@example.test');
  });
});
