import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Delivery } from './build-trace';

/**
 * The notifications recorded because of some events, from the delivery log the consumers app
 * keeps (schema notifications, which the gateway's role may read; a plain query, as
 * NotificationReader does). Their NotificationCreated events go to notifications.events, which
 * the projections do not log: this table is where a trace finds them. created_at is the
 * notifications consumer's transaction; sent_at, for an email, when the SMTP server took it.
 * deliveries_once (event_id, channel, template) serves the lookup.
 */
@Injectable()
export class DeliveriesReader {
  constructor(private readonly db: DataSource) {}

  async causedBy(eventIds: readonly string[]): Promise<Delivery[]> {
    if (!eventIds.length) return [];
    const rows: { id: string; event_id: string; channel: string; template: string; created_at: Date; sent_at: Date | null }[] = await this.db.query(
      `SELECT id, event_id, channel, template, created_at, sent_at FROM "notifications"."deliveries" WHERE event_id = ANY($1::text[])`,
      [eventIds],
    );
    return rows.map((r) => ({ id: r.id, eventId: r.event_id, channel: r.channel, template: r.template, createdAt: r.created_at, sentAt: r.sent_at }));
  }
}
