import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NotificationModel } from './models/notification.model';

/**
 * Reads the delivery log that the consumers app owns and migrates (schema `notifications`), by
 * qualified name and read-only: a plain query rather than an entity, so this app never holds a
 * mapping of another app's table that could drift into writes or schema syncs.
 * deliveries_by_user (user_id, created_at) serves it.
 */
@Injectable()
export class NotificationReader {
  constructor(private readonly db: DataSource) {}

  /** The user's notifications, newest first (id breaks ties: rows of one event share created_at). */
  async latest(userId: string, limit: number): Promise<NotificationModel[]> {
    const rows: { id: string; user_id: string; channel: string; template: string; status: string; created_at: Date }[] = await this.db.query(
      `SELECT id, user_id, channel, template, status, created_at
       FROM "notifications"."deliveries"
       WHERE user_id = $1
       ORDER BY created_at DESC, id DESC
       LIMIT $2`,
      [userId, limit],
    );
    return rows.map((r) => ({ id: r.id, userId: r.user_id, channel: r.channel, template: r.template, status: r.status, createdAt: r.created_at }));
  }
}
