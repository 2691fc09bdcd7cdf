import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../schema';

/**
 * A product and its stock as customers see it. Written by the inventory module in the same
 * transaction as its own stock rows (not from Kafka): reservations are keyed by order and
 * products by sku, so an event-fed copy could apply them in a different order than they happened.
 */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'product_view' })
export class ProductView {
  @PrimaryColumn('text')
  sku: string;

  @Column('text')
  name: string;

  @Column('int', { name: 'price_cents' })
  priceCents: number;

  /** Units that can still be ordered (on hand minus reserved). */
  @Column('int')
  available: number;

  /** Units held by orders not yet confirmed or cancelled. */
  @Column('int')
  reserved: number;

  /** Bumped on every change, for PROJECTED consistency checks. */
  @Column('int')
  version: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
