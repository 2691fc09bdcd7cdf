import { Injectable } from '@nestjs/common';
import type { ClientBase } from 'pg';
import { EventStore } from '@app/event-store';
import { PAYMENT_SCHEMA as S } from '../schema';

export type PaymentStatus = 'PENDING' | 'PROCESSED' | 'FAILED' | 'VOIDED' | 'REFUNDED';
export type FailureReason = 'DECLINED' | 'TIMEOUT' | 'ERROR';

export interface Payment {
  paymentId: string;
  orderId: string;
  amountCents: number;
  status: PaymentStatus;
  failureReason: FailureReason | null;
  /** The order was cancelled: a charge that settles PROCESSED is to be given back. */
  refundRequested?: boolean;
}

/** `claimed`: this caller may ask the provider now; otherwise it only answers with `payment`. */
export interface Claim {
  payment: Payment;
  claimed: boolean;
}

const COLUMNS = `payment_id AS "paymentId", order_id AS "orderId", amount_cents AS "amountCents", status, failure_reason AS "failureReason",
  refund_requested_at IS NOT NULL AS "refundRequested"`;

/**
 * Plain `pg` on the event store's pool: settling must share a transaction (one client) with the
 * append, and the event store speaks `pg`, not TypeORM.
 */
@Injectable()
export class PaymentsRepository {
  constructor(private readonly store: EventStore) {}

  async findByOrderId(orderId: string): Promise<Payment | undefined> {
    const res = await this.store.pool.query<Payment>(`SELECT ${COLUMNS} FROM "${S}".payments WHERE order_id = $1`, [orderId]);
    return res.rows[0];
  }

  /**
   * Claims the right to charge for an order: by inserting its PENDING row, or by taking over a
   * PENDING row whose latest attempt began at least `staleAfterMs` ago (that attempt has given up
   * waiting for the provider). Each step is one atomic statement, so of racing requests exactly
   * one claims; the others get the row as it stands.
   */
  async claim(p: Pick<Payment, 'paymentId' | 'orderId' | 'amountCents'>, staleAfterMs: number): Promise<Claim> {
    const inserted = await this.store.pool.query<Payment>(
      `INSERT INTO "${S}".payments (payment_id, order_id, amount_cents, status) VALUES ($1, $2, $3, 'PENDING')
       ON CONFLICT (order_id) DO NOTHING RETURNING ${COLUMNS}`,
      [p.paymentId, p.orderId, p.amountCents],
    );
    if (inserted.rows[0]) return { payment: inserted.rows[0], claimed: true };
    const retaken = await this.store.pool.query<Payment>(
      `UPDATE "${S}".payments SET updated_at = now()
       WHERE order_id = $1 AND status = 'PENDING' AND updated_at <= now() - make_interval(secs => $2::double precision / 1000)
       RETURNING ${COLUMNS}`,
      [p.orderId, staleAfterMs],
    );
    if (retaken.rows[0]) return { payment: retaken.rows[0], claimed: true };
    const current = await this.findByOrderId(p.orderId);
    if (!current) throw new Error(`payment of order ${p.orderId} vanished while being claimed`);
    return { payment: current, claimed: false };
  }

  /**
   * Records the provider's answer inside the caller's transaction, only over a PENDING row: when
   * two attempts both got an answer, the first to settle wins and the other gets undefined.
   */
  async settle(tx: ClientBase, paymentId: string, status: 'PROCESSED' | 'FAILED', failureReason: FailureReason | null): Promise<Payment | undefined> {
    const res = await tx.query<Payment>(
      `UPDATE "${S}".payments SET status = $2, failure_reason = $3, updated_at = now()
       WHERE payment_id = $1 AND status = 'PENDING' RETURNING ${COLUMNS}`,
      [paymentId, status, failureReason],
    );
    return res.rows[0];
  }

  /**
   * The order was cancelled: flags its payment for a refund, or, when it has none yet, inserts a
   * VOIDED row (amount 0) so that a processPayment arriving later charges nothing. One statement,
   * so a charge being claimed at the same moment either sees the VOIDED row or gets the flag.
   */
  async requestRefund(orderId: string, paymentId: string): Promise<Payment> {
    const res = await this.store.pool.query<Payment>(
      `INSERT INTO "${S}".payments AS p (payment_id, order_id, amount_cents, status, refund_requested_at) VALUES ($2, $1, 0, 'VOIDED', now())
       ON CONFLICT (order_id) DO UPDATE SET refund_requested_at = coalesce(p.refund_requested_at, now()) RETURNING ${COLUMNS}`,
      [orderId, paymentId],
    );
    return res.rows[0];
  }

  /** PROCESSED -> REFUNDED inside the caller's transaction; undefined when another refund got there first. */
  async markRefunded(tx: ClientBase, paymentId: string): Promise<Payment | undefined> {
    const res = await tx.query<Payment>(
      `UPDATE "${S}".payments SET status = 'REFUNDED', updated_at = now() WHERE payment_id = $1 AND status = 'PROCESSED' RETURNING ${COLUMNS}`,
      [paymentId],
    );
    return res.rows[0];
  }

  /**
   * The reconciler's work, claimed with a lease: PENDING payments whose latest attempt is at
   * least `staleAfterMs` old (nobody waits for the provider's answer any more), and processed
   * ones with a refund still to carry out. Moving updated_at is the lease: replicas skip rows
   * another is claiming (SKIP LOCKED), and a claimer that dies only delays the row by the lease.
   */
  async claimUnsettled(limit: number, staleAfterMs: number): Promise<Payment[]> {
    const res = await this.store.pool.query<Payment>(
      `UPDATE "${S}".payments SET updated_at = now() WHERE payment_id IN (
         SELECT payment_id FROM "${S}".payments
         WHERE (status = 'PENDING' OR (status = 'PROCESSED' AND refund_requested_at IS NOT NULL))
           AND updated_at <= now() - make_interval(secs => $2::double precision / 1000)
         ORDER BY updated_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
      [limit, staleAfterMs],
    );
    return res.rows;
  }

  /** Private rows and appended events in one transaction (see EventStore.transaction). */
  transaction<T>(work: (tx: ClientBase) => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }
}
