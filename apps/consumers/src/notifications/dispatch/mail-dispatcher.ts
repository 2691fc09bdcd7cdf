import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { backoffDelay, PeriodicTask } from '@app/messaging';
import { type RenderedMail, TEMPLATES } from '../templates';
import { type ClaimedDelivery, DeliveryQueue } from './delivery-queue';
import { DeliverySignal } from './delivery-signal';
import { DISPATCH, SEND_RETRY } from './dispatch-policy';
import { Mailer } from './mailer';
import { safeErrorText } from './safe-error-text';

/**
 * Sends the PENDING email deliveries that the notifications consumer records. Woken by NOTIFY at
 * the commit of each event's transaction, and polls every DISPATCH.pollIntervalMs for retries
 * that came due (and in case a NOTIFY was missed).
 *
 * Why not send inside the event's transaction: SMTP cannot take part in it. A mail accepted
 * before a failed commit, and every retry of the runtime, would send again; a slow SMTP server
 * would hold the partition and a database transaction open; an SMTP outage would dead-letter the
 * event and lose the mail. Here the delivery row commits atomically with the event, and the
 * sending retries on its own schedule (SEND_RETRY).
 *
 * What remains: a crash (or a lost database connection) after the SMTP server accepted a mail
 * and before its SENT update resends that one mail once its lease (DISPATCH.leaseMs) runs out.
 * SMTP has no idempotency key to close that window; the mail's stable Message-ID lets receivers
 * that dedupe on it drop the copy. One possible duplicate in a crash beats the alternatives.
 */
@Injectable()
export class MailDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(MailDispatcher.name);
  /** Logs a LISTEN outage once, not on every poll. */
  private listenFailing = false;
  /** Woken when a delivery is recorded (NOTIFY); polls every DISPATCH.pollIntervalMs besides. */
  private readonly task = new PeriodicTask('dispatching', DISPATCH.pollIntervalMs, () => this.round(), this.log);

  constructor(
    private readonly queue: DeliveryQueue,
    private readonly mailer: Mailer,
    private readonly signal: DeliverySignal,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  // onModuleDestroy runs before Nest closes the Kafka consumers and the TypeORM pool, so the
  // batch in hand finishes (or is released) while the database is still there.
  async onModuleDestroy(): Promise<void> {
    await this.task.stop();
    await this.signal.close();
    this.mailer.close();
  }

  /** Listens (if not yet), then sends what is due; true when a full batch suggests more is waiting. */
  private async round(): Promise<boolean> {
    await this.listen();
    try {
      return (await this.dispatchDue()) >= DISPATCH.batchSize;
    } catch (error) {
      this.log.error(`dispatching failed, retrying: ${safeErrorText(error)}`);
      return false;
    }
  }

  private async listen(): Promise<void> {
    if (this.signal.listening) return;
    try {
      await this.signal.ensureListening(() => this.task.wake());
      this.listenFailing = false;
    } catch (error) {
      if (!this.listenFailing) this.log.warn(`LISTEN failed, polling every ${DISPATCH.pollIntervalMs} ms: ${safeErrorText(error)}`);
      this.listenFailing = true;
    }
  }

  /** One pass of the loop: claims a batch and sends it, one mail at a time; returns how many were claimed. */
  async dispatchDue(): Promise<number> {
    const batch = await this.queue.claim(DISPATCH.batchSize, DISPATCH.leaseMs);
    for (const [i, delivery] of batch.entries()) {
      if (this.task.stopping) {
        await this.queue.release(batch.slice(i).map((d) => d.id));
        break;
      }
      await this.deliver(delivery);
    }
    return batch.length;
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const template = TEMPLATES.get(delivery.template);
    if (!template) {
      // A template of a newer version of this app (rolling deploy) or a bug: retrying here cannot help.
      await this.queue.markFailed(delivery.id, `TEMPLATE_UNKNOWN: ${delivery.template}`, null);
      return;
    }
    const recipient = { name: delivery.name, email: delivery.email };
    let mail: RenderedMail;
    try {
      mail = template.render({ recipient, data: delivery.data ?? {} });
    } catch (error) {
      // The row lacks what the template needs: the same row fails the same way every time.
      await this.queue.markFailed(delivery.id, safeErrorText(error), null);
      return;
    }
    try {
      await this.mailer.send(delivery.id, { name: recipient.name, address: recipient.email }, mail);
    } catch (error) {
      const text = safeErrorText(error);
      const retryInMs = delivery.attempts < SEND_RETRY.attempts ? backoffDelay(SEND_RETRY, delivery.attempts) : null;
      this.log.warn(`delivery ${delivery.id} (${delivery.template}) attempt ${delivery.attempts}/${SEND_RETRY.attempts} failed: ${text}`);
      await this.queue.markFailed(delivery.id, text, retryInMs);
      return;
    }
    // The duplicate window described above lies between the line before and this one.
    await this.queue.markSent(delivery.id);
  }
}
