import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventStore } from '@app/event-store';
import { NotificationCreated, streamIdOf, type EventEnvelope } from '@app/events';
import { causedBy } from '../../shared/caused-by';
import { transactionClientOf } from '../../shared/transaction-client';
import type { DeliveryChannel, DeliveryStatus } from '../entities/delivery.entity';
import { NOTIFICATIONS_SCHEMA as S } from '../notifications.schema';
import type { DeliveryData } from '../templates';

export interface NotificationRequest {
  userId: string;
  template: string;
  channels: readonly DeliveryChannel[];
  /** What the email template needs (see DeliveryData). */
  data?: DeliveryData;
  /** What it is about (the order id), for NotificationCreated. */
  subjectId?: string | null;
}

/**
 * EMAIL waits for MailDispatcher; PUSH is delivered by the gateway's subscription from the
 * NotificationCreated appended here, so its record is SENT at once.
 */
const INITIAL_STATUS: Record<DeliveryChannel, DeliveryStatus> = { EMAIL: 'PENDING', PUSH: 'SENT' };

/**
 * Records one notification per channel in the delivery log and appends a NotificationCreated for
 * each, all in the event's transaction: the rows and the events commit (and, through the relay,
 * reach notifications.events) together or not at all.
 */
@Injectable()
export class NotificationRecorder {
  constructor(private readonly store: EventStore) {}

  async record(em: EntityManager, cause: EventEnvelope, request: NotificationRequest): Promise<void> {
    const append = { tx: transactionClientOf(em), metadata: causedBy(cause) };
    for (const channel of request.channels) {
      const status = INITIAL_STATUS[channel];
      // processed_events already stops a redelivered event; the unique key also stops the same
      // notification under a second handler run, and then nothing is announced twice either.
      const [row] = await em.query(
        `INSERT INTO "${S}"."deliveries" (user_id, channel, template, status, event_id, data, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $4 = 'SENT' THEN now() END)
         ON CONFLICT ON CONSTRAINT deliveries_once DO NOTHING
         RETURNING id`,
        [request.userId, channel, request.template, status, cause.eventId, JSON.stringify(request.data ?? {})],
      );
      if (!row) continue;
      const created = new NotificationCreated({
        notificationId: row.id,
        userId: request.userId,
        channel,
        template: request.template,
        status,
        subjectId: request.subjectId ?? null,
      });
      await this.store.append(streamIdOf(NotificationCreated.aggregate, row.id), 0, [created], append);
    }
  }
}
