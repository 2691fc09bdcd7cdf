import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_SCHEMA as S } from '../notifications.schema';
import type { DeliveryData } from '../templates';

/** A delivery a dispatcher holds the lease of, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  template: string;
  /** Including the send about to be tried. */
  attempts: number;
  email: string;
  name: string;
  data: DeliveryData;
}

/**
 * The delivery log as a work queue. Each method is one statement, i.e. one short transaction:
 * nothing holds a row lock while SMTP talks. A claim is a lease (next_attempt_at pushed ahead),
 * so several dispatchers (replicas) never send the same delivery at once.
 */
@Injectable()
export class DeliveryQueue {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Leases up to `limit` due EMAIL deliveries and counts the attempt. Deliveries whose recipient
   * is not known yet (an order event consumed before its UserRegistered) wait, unclaimed.
   */
  claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return this.dataSource.query(
      `WITH due AS (
         SELECT d.id FROM "${S}"."deliveries" d
         JOIN "${S}"."recipients" r ON r.user_id = d.user_id
         WHERE d.status = 'PENDING' AND d.channel = 'EMAIL' AND d.next_attempt_at <= now()
         ORDER BY d.next_attempt_at
         LIMIT $1
         FOR UPDATE OF d SKIP LOCKED
       ),
       claimed AS (
         UPDATE "${S}"."deliveries" d
         SET attempts = d.attempts + 1, next_attempt_at = now() + $2::int * interval '1 millisecond'
         FROM due, "${S}"."recipients" r
         WHERE d.id = due.id AND r.user_id = d.user_id
         RETURNING d.id, d.template, d.attempts, d.data, d.created_at, r.email, r.name
       )
       -- A SELECT at the top: TypeORM returns [rows, rowCount] for a top-level UPDATE.
       SELECT id, template, attempts, data, email, name FROM claimed ORDER BY created_at, id`,
      [limit, leaseMs],
    );
  }

  async markSent(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "${S}"."deliveries" SET status = 'SENT', sent_at = now(), last_error = NULL WHERE id = $1 AND status = 'PENDING'`,
      [id],
    );
  }

  /** Records the failure; retried after `retryInMs`, or FAILED for good when that is null. */
  async markFailed(id: string, error: string, retryInMs: number | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE "${S}"."deliveries"
       SET last_error = $2,
           status = CASE WHEN $3::int IS NULL THEN 'FAILED' ELSE 'PENDING' END,
           next_attempt_at = now() + coalesce($3::int, 0) * interval '1 millisecond'
       WHERE id = $1 AND status = 'PENDING'`,
      [id, error, retryInMs],
    );
  }

  /** Gives back leases taken but not tried (shutdown mid-batch): due again at once, attempt uncounted. */
  async release(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE "${S}"."deliveries" SET attempts = attempts - 1, next_attempt_at = now() WHERE id = ANY($1::uuid[]) AND status = 'PENDING'`,
      [ids],
    );
  }
}
