import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ORDER_SCHEMA } from '../schema';

/**
 * The order's status as the saga last recorded it, or REFUND_DUE: paid after it was cancelled,
 * refund requested; REFUNDED: that payment was given back.
 */
export type SagaState = 'PENDING' | 'AWAITING_PAYMENT' | 'CONFIRMED' | 'CANCELLED' | 'REFUND_DUE' | 'REFUNDED';

// bigint comes back from pg as a string; totals stay far below 2^53.
const bigintAsNumber = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One fulfilment saga per order (created by migration 1764500000000, never synchronised). */
@Entity({ schema: ORDER_SCHEMA, name: 'order_sagas' })
export class OrderSagaEntity {
  @PrimaryColumn('uuid', { name: 'order_id' })
  orderId: string;

  @Column('text')
  state: SagaState;

  @Column('bigint', { name: 'total_cents', nullable: true, transformer: bigintAsNumber })
  totalCents: number | null;

  @Column('uuid', { name: 'payment_id', nullable: true })
  paymentId: string | null;

  /** Past this, an order not yet final is cancelled (FULFILMENT_TIMEOUT while PENDING, else PAYMENT_TIMEOUT). */
  @Column('timestamptz', { name: 'deadline_at', nullable: true })
  deadlineAt: Date | null;

  /** The order's stream version this row reflects: an older writer cannot overwrite a newer state. */
  @Column('integer', { name: 'order_version' })
  orderVersion: number;

  @Column('text', { name: 'correlation_id', nullable: true })
  correlationId: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  /** When the saga was opened (migration 1795700000000): the admin's `sagas` list pages by it, as it never changes. */
  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
