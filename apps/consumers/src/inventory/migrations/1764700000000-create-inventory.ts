import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INVENTORY_SCHEMA as S } from '../inventory.schema';

/**
 * The inventory's current state, next to its event store: a reservation checks and changes stock
 * under row locks, which a stream replay per order could not do. The CHECKs are the last line
 * against overselling: whatever the code does, a transaction that would oversell fails.
 * `version` is the product stream's version (the expected version of its next append).
 */
export class CreateInventory1764700000000 implements MigrationInterface {
  name = 'CreateInventory1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "${S}"."products" (
        "sku"         text        PRIMARY KEY,
        "name"        text        NOT NULL,
        "price_cents" integer     NOT NULL CHECK ("price_cents" >= 0),
        "on_hand"     integer     NOT NULL CHECK ("on_hand" >= 0),
        "reserved"    integer     NOT NULL CHECK ("reserved" >= 0),
        "version"     integer     NOT NULL CHECK ("version" > 0),
        "updated_at"  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "products_reserved_within_on_hand" CHECK ("reserved" <= "on_hand")
      )`);
    // One row per order inventory has decided on: its status makes a second OrderCreated for the
    // order (another event id) a no-op, and tells release/commit what the order holds.
    await q.query(`
      CREATE TABLE "${S}"."reservations" (
        "order_id"    uuid        PRIMARY KEY,
        "status"      text        NOT NULL CHECK ("status" IN ('RESERVED', 'RELEASED', 'COMMITTED', 'FAILED')),
        "lines"       jsonb       NOT NULL,
        "total_cents" integer,
        "created_at"  timestamptz NOT NULL DEFAULT now(),
        "updated_at"  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."reservations"`);
    await q.query(`DROP TABLE "${S}"."products"`);
  }
}
