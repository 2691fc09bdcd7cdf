import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Order } from '../domain/order.aggregate';
import { ORDER_SCHEMA as S } from '../schema';
import { OrderSagaEntity } from './order-saga.entity';

export interface OverdueSaga {
  orderId: string;
  correlationId: string | null;
}

// TypeORM answers an UPDATE on postgres with [rows, affected count].
const updatedRows = <T>(result: unknown): T[] => (result as [T[], number])[0];

const UPSERT = `
  INSERT INTO "${S}".order_sagas AS s (order_id, state, total_cents, payment_id, order_version, correlation_id, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, now())
  ON CONFLICT (order_id) DO UPDATE SET state = EXCLUDED.state, total_cents = EXCLUDED.total_cents, payment_id = EXCLUDED.payment_id,
    deadline_at = CASE WHEN EXCLUDED.state = 'AWAITING_PAYMENT' THEN s.deadline_at END,
    order_version = EXCLUDED.order_version, updated_at = now()
  WHERE s.order_version < EXCLUDED.order_version`;

/**
 * The saga's state (orders.order_sagas). Writes are single statements, committed at once: the
 * deadline must be stored before the payment request leaves, whatever happens to the event in hand.
 */
@Injectable()
export class OrderSagaRepository {
  constructor(@InjectRepository(OrderSagaEntity) private readonly rows: Repository<OrderSagaEntity>) {}

  find(orderId: string): Promise<OrderSagaEntity | null> {
    return this.rows.findOneBy({ orderId });
  }

  /** Mirrors the order after a command, also when it appended nothing (heals a crash between append and record). */
  async record(order: Order, correlationId: string): Promise<void> {
    await this.rows.query(UPSERT, [order.id, order.status, order.totalCents ?? null, order.paymentId ?? null, order.version, correlationId]);
  }

  /** Paid after being cancelled: someone has to refund. Kept until the order changes again. */
  async flagRefundDue(order: Order, paymentId: string, correlationId: string): Promise<void> {
    await this.rows.query(
      `INSERT INTO "${S}".order_sagas AS s (order_id, state, total_cents, payment_id, order_version, correlation_id, updated_at)
       VALUES ($1, 'REFUND_DUE', $2, $3, $4, $5, now())
       ON CONFLICT (order_id) DO UPDATE SET state = 'REFUND_DUE', payment_id = EXCLUDED.payment_id, deadline_at = NULL, updated_at = now()`,
      [order.id, order.totalCents ?? null, paymentId, order.version, correlationId],
    );
  }

  /** Sets the deadline unless one is set: a redelivered request must not push it back. False when the saga no longer awaits payment. */
  async armDeadline(orderId: string, deadlineMs: number): Promise<boolean> {
    const result: unknown = await this.rows.query(
      `UPDATE "${S}".order_sagas SET deadline_at = coalesce(deadline_at, now() + $2::int * interval '1 millisecond'), updated_at = now()
       WHERE order_id = $1 AND state = 'AWAITING_PAYMENT' RETURNING order_id`,
      [orderId, deadlineMs],
    );
    return updatedRows(result).length > 0;
  }

  /**
   * Claims overdue sagas by moving their deadline a lease ahead, in one statement: replicas skip
   * rows another one is claiming (SKIP LOCKED), and a claimer that dies before cancelling only
   * delays the cancellation by the lease, after which the row is overdue again.
   */
  async claimOverdue(limit: number, leaseMs: number): Promise<OverdueSaga[]> {
    const result: unknown = await this.rows.query(
      `UPDATE "${S}".order_sagas SET deadline_at = now() + $2::int * interval '1 millisecond', updated_at = now()
       WHERE order_id IN (
         SELECT order_id FROM "${S}".order_sagas WHERE state = 'AWAITING_PAYMENT' AND deadline_at < now()
         ORDER BY deadline_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING order_id AS "orderId", correlation_id AS "correlationId"`,
      [limit, leaseMs],
    );
    return updatedRows<OverdueSaga>(result);
  }
}
