import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Queryable } from '@app/event-store';
import type { Order } from '../domain/order.aggregate';
import { ORDER_SCHEMA as S } from '../schema';
import { OrderSagaEntity, type SagaState } from './order-saga.entity';
import { inFlightSql, overdueSql } from './saga-rules';

export interface OverdueSaga {
  orderId: string;
  correlationId: string | null;
}

const stateOf = (order: Order): SagaState => (order.refunded ? 'REFUNDED' : order.status);
const ms = `* interval '1 millisecond'`;

// TypeORM answers an UPDATE on postgres with [rows, affected count].
const updatedRows = <T>(result: unknown): T[] => (result as [T[], number])[0];

const UPSERT = `
  INSERT INTO "${S}".order_sagas AS s (order_id, state, total_cents, payment_id, order_version, correlation_id, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, now())
  ON CONFLICT (order_id) DO UPDATE SET state = EXCLUDED.state, total_cents = EXCLUDED.total_cents, payment_id = EXCLUDED.payment_id,
    deadline_at = CASE WHEN ${inFlightSql('EXCLUDED.')} THEN s.deadline_at END,
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

  /**
   * The saga of a new order, with its deadline from creation, in the OrderCreated transaction:
   * whatever fails afterwards (an event dead-lettered anywhere, a request lost), the scheduler
   * finds this row and ends the order.
   */
  async open(tx: Queryable, orderId: string, userId: string, correlationId: string, deadlineMs: number): Promise<void> {
    await tx.query(
      `INSERT INTO "${S}".order_sagas (order_id, user_id, state, order_version, correlation_id, deadline_at, updated_at)
       VALUES ($1, $2, 'PENDING', 1, $3, now() + $4::int ${ms}, now()) ON CONFLICT (order_id) DO NOTHING`,
      [orderId, userId, correlationId, deadlineMs],
    );
  }

  /**
   * The customer's orders still holding stock (PENDING, AWAITING_PAYMENT), counted under a lock on
   * that customer held until `tx` ends: two creates of one customer, on any replica, cannot both
   * take the last place.
   */
  async countOpenOf(tx: Queryable, userId: string): Promise<number> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`open-orders:${userId}`]);
    const res = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${S}".order_sagas WHERE user_id = $1 AND ${inFlightSql()}`, [userId]);
    return res.rows[0].n;
  }

  /** Mirrors the order after a command, also when it appended nothing (heals a crash between append and record). */
  async record(order: Order, correlationId: string): Promise<void> {
    await this.rows.query(UPSERT, [order.id, stateOf(order), order.totalCents ?? null, order.paymentId ?? null, order.version, correlationId]);
  }

  /**
   * Paid after being cancelled: the refund was requested when the order was cancelled (the saga
   * answers every OrderCancelled with RefundPayment), so this only tells the admin what is going
   * on until PaymentRefunded arrives. Never written over REFUNDED; the cancellation it follows is
   * final, so no later state of the order can overwrite it before the refund.
   */
  async flagRefundDue(order: Order, paymentId: string, correlationId: string): Promise<void> {
    await this.rows.query(
      `INSERT INTO "${S}".order_sagas AS s (order_id, state, total_cents, payment_id, order_version, correlation_id, updated_at)
       VALUES ($1, 'REFUND_DUE', $2, $3, $4, $5, now())
       ON CONFLICT (order_id) DO UPDATE SET state = 'REFUND_DUE', payment_id = EXCLUDED.payment_id, deadline_at = NULL,
         order_version = greatest(s.order_version, EXCLUDED.order_version), updated_at = now()
       WHERE s.state <> 'REFUNDED'`,
      [order.id, order.totalCents ?? null, paymentId, order.version, correlationId],
    );
  }

  /**
   * Brings the deadline forward to the payment deadline, never back: a redelivered request keeps
   * the first one, and the deadline from creation wins when it is earlier. False when the saga no
   * longer awaits payment.
   */
  async armDeadline(orderId: string, deadlineMs: number): Promise<boolean> {
    const result: unknown = await this.rows.query(
      `UPDATE "${S}".order_sagas SET deadline_at = least(deadline_at, now() + $2::int ${ms}), updated_at = now()
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
      `UPDATE "${S}".order_sagas SET deadline_at = now() + $2::int ${ms}, updated_at = now()
       WHERE order_id IN (
         SELECT order_id FROM "${S}".order_sagas WHERE ${overdueSql()}
         ORDER BY deadline_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING order_id AS "orderId", correlation_id AS "correlationId"`,
      [limit, leaseMs],
    );
    return updatedRows<OverdueSaga>(result);
  }
}
