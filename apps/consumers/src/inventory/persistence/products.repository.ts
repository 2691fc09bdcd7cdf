import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { READ_MODEL_SCHEMA as RM } from '@app/read-model';
import { INVENTORY_SCHEMA as S } from '../inventory.schema';

export interface Product {
  sku: string;
  name: string;
  priceCents: number;
  onHand: number;
  reserved: number;
  /** The product stream's version. */
  version: number;
}

/** A change of one product's counters (deltas); `version` when a product event was appended. */
export interface StockChange {
  sku: string;
  onHand: number;
  reserved: number;
  version?: number;
}

const COLUMNS = `sku, name, price_cents AS "priceCents", on_hand AS "onHand", reserved, version`;

// ProductView is derived from the row in the statement that changes it, so the two never
// disagree and the view commits with the change (no event-fed copy to fall behind or reorder).
const upsertViewFrom = (changed: string) => `
  INSERT INTO "${RM}"."product_view" (sku, name, price_cents, available, reserved, version, updated_at)
  SELECT sku, name, price_cents, on_hand - reserved, reserved, version, updated_at FROM ${changed}
  ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name, price_cents = EXCLUDED.price_cents, available = EXCLUDED.available,
    reserved = EXCLUDED.reserved, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`;

/** Stock rows and their ProductView, always inside the caller's transaction (`em`). */
@Injectable()
export class ProductsRepository {
  /**
   * Locks the products that exist among `skus` until the transaction ends. Always in sku order:
   * two transactions locking overlapping sets in one fixed order cannot deadlock.
   */
  async lockForUpdate(em: EntityManager, skus: readonly string[]): Promise<Map<string, Product>> {
    const rows: Product[] = await em.query(`SELECT ${COLUMNS} FROM "${S}"."products" WHERE sku = ANY($1::text[]) ORDER BY sku FOR UPDATE`, [[...new Set(skus)]]);
    return new Map(rows.map((p) => [p.sku, p]));
  }

  async insert(em: EntityManager, p: Omit<Product, 'reserved'>): Promise<void> {
    await em.query(
      `WITH p AS (
         INSERT INTO "${S}"."products" (sku, name, price_cents, on_hand, reserved, version) VALUES ($1, $2, $3, $4, 0, $5) RETURNING *
       ) ${upsertViewFrom('p')}`,
      [p.sku, p.name, p.priceCents, p.onHand, p.version],
    );
  }

  /** Applies the deltas (locking first, in sku order, whatever the caller locked already). */
  async adjust(em: EntityManager, changes: readonly StockChange[]): Promise<void> {
    if (changes.length === 0) return;
    await this.lockForUpdate(em, changes.map((c) => c.sku));
    await em.query(
      `WITH d AS (
         SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[]) AS d(sku, on_hand, reserved, version)
       ), p AS (
         UPDATE "${S}"."products" p
         SET on_hand = p.on_hand + d.on_hand, reserved = p.reserved + d.reserved, version = coalesce(d.version, p.version), updated_at = now()
         FROM d WHERE p.sku = d.sku
         RETURNING p.*
       ) ${upsertViewFrom('p')}`,
      [changes.map((c) => c.sku), changes.map((c) => c.onHand), changes.map((c) => c.reserved), changes.map((c) => c.version ?? null)],
    );
  }
}
