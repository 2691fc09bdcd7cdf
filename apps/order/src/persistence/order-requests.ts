import { Injectable } from '@nestjs/common';
import { EventStore, type Queryable } from '@app/event-store';
import { ORDER_SCHEMA as S } from '../schema';

/** Which order a user's idempotency key created: the same key again gets that order back. */
@Injectable()
export class OrderRequests {
  constructor(private readonly store: EventStore) {}

  async find(userId: string, idempotencyKey: string): Promise<string | undefined> {
    const res = await this.store.pool.query<{ order_id: string }>(
      `SELECT order_id FROM "${S}".order_requests WHERE user_id = $1 AND idempotency_key = $2`,
      [userId, idempotencyKey],
    );
    return res.rows[0]?.order_id;
  }

  /** A concurrent insert of the same key waits for the other transaction, then fails with a unique violation. */
  async insert(tx: Queryable, userId: string, idempotencyKey: string, orderId: string): Promise<void> {
    await tx.query(`INSERT INTO "${S}".order_requests (user_id, idempotency_key, order_id) VALUES ($1, $2, $3)`, [userId, idempotencyKey, orderId]);
  }
}
