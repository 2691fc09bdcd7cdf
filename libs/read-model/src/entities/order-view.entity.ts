import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../schema';

export type OrderStatus = 'PENDING' | 'AWAITING_PAYMENT' | 'CONFIRMED' | 'CANCELLED';
export interface OrderViewLine {
  sku: string;
  quantity: number;
  /** Known once inventory priced the order (OrderAwaitingPayment). */
  unitPriceCents: number | null;
}

/** An order as the gateway shows it; built from the order stream alone (one key, in order). */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'order_view' })
@Index('order_view_user_created_ix', ['userId', 'createdAt'])
@Index('order_view_status_created_ix', ['status', 'createdAt'])
export class OrderView {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  status: OrderStatus;

  @Column('jsonb')
  lines: OrderViewLine[];

  @Column('int', { name: 'total_cents', nullable: true })
  totalCents: number | null;

  @Column('text', { name: 'cancellation_reason', nullable: true })
  cancellationReason: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  /** The order stream's version last applied (upserts only move forward). */
  @Column('int')
  version: number;
}
