import { Injectable } from '@nestjs/common';
import { EventStore, type Queryable } from '@app/event-store';
import { ORDER_SCHEMA as S } from '../schema';

/**
 * The card token of each order, for the saga to hand to the payment service. Plain `pg` on the
 * event store's pool: the insert shares the transaction of the OrderCreated append.
 * Never log what this returns. Deleted once the order is confirmed or cancelled.
 */
@Injectable()
export class PaymentTokens {
  constructor(private readonly store: EventStore) {}

  async insert(tx: Queryable, orderId: string, token: string): Promise<void> {
    await tx.query(`INSERT INTO "${S}".payment_tokens (order_id, token) VALUES ($1, $2)`, [orderId, token]);
  }

  async find(orderId: string): Promise<string | undefined> {
    const res = await this.store.pool.query<{ token: string }>(`SELECT token FROM "${S}".payment_tokens WHERE order_id = $1`, [orderId]);
    return res.rows[0]?.token;
  }

  /** Once the order is final (see ForgetPaymentTokenHandler). */
  async forget(orderId: string): Promise<void> {
    await this.store.pool.query(`DELETE FROM "${S}".payment_tokens WHERE order_id = $1`, [orderId]);
  }
}
