import { Inject, Injectable } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { MAIL_FROM } from '../sender';
import type { RenderedMail } from '../templates';

/** Sends one rendered mail over SMTP (config.smtpUrl). */
@Injectable()
export class Mailer {
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // nodemailer waits up to 10 min on a silent socket by default; these bound a send well
    // inside the dispatcher's lease, so a hung server cannot make two dispatchers send at once.
    this.transport = createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }

  /**
   * The Message-ID derives from the delivery, so the rare resend (see MailDispatcher) carries the
   * same one, which lets receiving systems that dedupe on it drop the copy.
   */
  async send(deliveryId: string, to: { name: string; address: string }, mail: RenderedMail): Promise<void> {
    await this.transport.sendMail({ from: MAIL_FROM, to, messageId: `<${deliveryId}@${MAIL_FROM.address.split('@')[1]}>`, ...mail });
  }

  close(): void {
    this.transport.close();
  }
}
