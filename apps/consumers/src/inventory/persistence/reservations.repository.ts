import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { INVENTORY_SCHEMA as S } from '../inventory.schema';

export type ReservationStatus = 'RESERVED' | 'RELEASED' | 'COMMITTED' | 'FAILED';

/**
 * An order line as reserved: priced once RESERVED; FAILED keeps the order's lines unpriced. A
 * RELEASED row without lines is an order cancelled before its OrderCreated was applied here.
 */
export interface ReservationLine {
  sku: string;
  quantity: number;
  unitPriceCents?: number;
}

export interface Reservation {
  orderId: string;
  status: ReservationStatus;
  lines: ReservationLine[];
  totalCents: number | null;
}

const COLUMNS = `order_id AS "orderId", status, lines, total_cents AS "totalCents"`;

/** Inventory's decision per order, always inside the caller's transaction (`em`). */
@Injectable()
export class ReservationsRepository {
  async find(em: EntityManager, orderId: string): Promise<Reservation | undefined> {
    const [row] = await em.query(`SELECT ${COLUMNS} FROM "${S}"."reservations" WHERE order_id = $1`, [orderId]);
    return row;
  }

  /** Locks the row, so that a release and a commit of one order cannot both act on RESERVED. */
  async findForUpdate(em: EntityManager, orderId: string): Promise<Reservation | undefined> {
    const [row] = await em.query(`SELECT ${COLUMNS} FROM "${S}"."reservations" WHERE order_id = $1 FOR UPDATE`, [orderId]);
    return row;
  }

  async insert(em: EntityManager, r: Reservation): Promise<void> {
    await em.query(`INSERT INTO "${S}"."reservations" (order_id, status, lines, total_cents) VALUES ($1, $2, $3::jsonb, $4)`, [
      r.orderId,
      r.status,
      JSON.stringify(r.lines),
      r.totalCents,
    ]);
  }

  /** Inserts `r` unless the order has a row already; true when this call inserted it. */
  async insertUnlessPresent(em: EntityManager, r: Reservation): Promise<boolean> {
    const inserted: unknown[] = await em.query(
      `INSERT INTO "${S}"."reservations" (order_id, status, lines, total_cents) VALUES ($1, $2, $3::jsonb, $4) ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
      [r.orderId, r.status, JSON.stringify(r.lines), r.totalCents],
    );
    return inserted.length > 0;
  }

  async setStatus(em: EntityManager, orderId: string, status: ReservationStatus): Promise<void> {
    await em.query(`UPDATE "${S}"."reservations" SET status = $2, updated_at = now() WHERE order_id = $1`, [orderId, status]);
  }
}
