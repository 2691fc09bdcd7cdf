import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { NOTIFICATIONS_SCHEMA } from '../notifications.schema';
import type { DeliveryData } from '../templates/mail-template';

export type DeliveryChannel = 'EMAIL' | 'PUSH';
export type DeliveryStatus = 'PENDING' | 'SENT' | 'FAILED';

/**
 * One notification to send, and what became of it (the delivery log; GraphQL `Notification`).
 * UNIQUE(event_id, channel, template): a redelivered event never logs, so never sends, twice.
 */
@Entity({ schema: NOTIFICATIONS_SCHEMA, name: 'deliveries' })
@Unique('deliveries_once', ['eventId', 'channel', 'template'])
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  channel: DeliveryChannel;

  /** A key of TEMPLATES, e.g. WELCOME. */
  @Column('text')
  template: string;

  @Column('text', { default: 'PENDING' })
  status: DeliveryStatus;

  /** Sends tried so far (counted when claimed, so a crash mid-send counts too). */
  @Column('int', { default: 0 })
  attempts: number;

  /** The last failure's code and message; never credentials (see safeErrorText). */
  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  /** What the template needs besides the recipient (order id, total...), from the event. */
  @Column('jsonb', { default: () => "'{}'::jsonb" })
  data: DeliveryData;

  @Column('text', { name: 'event_id' })
  eventId: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;

  /** When a dispatcher may (re)try it: backoff after a failure, a lease while one is sending it. */
  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt: Date;
}
