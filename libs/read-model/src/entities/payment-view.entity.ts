import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../schema';

/**
 * A payment, looked up by order id when an order is shown. Kept apart from OrderView because
 * payment events are keyed by payment id: they may be consumed before the order's own events.
 */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'payment_view' })
export class PaymentView {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'order_id', unique: true })
  orderId: string;

  @Column('int', { name: 'amount_cents' })
  amountCents: number;

  @Column('text')
  status: 'PROCESSED' | 'FAILED' | 'REFUNDED';

  @Column('text', { name: 'failure_reason', nullable: true })
  failureReason: string | null;

  @Column('timestamptz', { name: 'processed_at' })
  processedAt: Date;

  @Column('int')
  version: number;
}
