import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ANALYTICS_SCHEMA as S } from '../analytics.schema';

/** Sales warehouse: one fact per order, and its hourly and daily rollups (see sales-rollup.ts). */
export class CreateSales1764800000000 implements MigrationInterface {
  name = 'CreateSales1764800000000';

  async up(q: QueryRunner): Promise<void> {
    // bigint for money: a total is integer cents up to 2^53 in the contracts, beyond int4.
    await q.query(`
      CREATE TABLE "${S}"."fact_orders" (
        "order_id"            uuid        PRIMARY KEY,
        "user_id"             uuid        NOT NULL,
        "created_at"          timestamptz NOT NULL,
        "status"              text        NOT NULL,
        "total_cents"         bigint,
        "confirmed_at"        timestamptz,
        "cancelled_at"        timestamptz,
        "cancellation_reason" text,
        "version"             integer     NOT NULL
      )`);
    // Rollups are recomputed per bucket from the facts of that bucket's creation-time range.
    await q.query(`CREATE INDEX "fact_orders_by_created_at" ON "${S}"."fact_orders" ("created_at")`);
    for (const [table, key] of [['sales_hourly', '"hour" timestamptz'], ['sales_daily', '"day" date']]) {
      await q.query(`
        CREATE TABLE "${S}"."${table}" (
          ${key}             PRIMARY KEY,
          "orders"           integer NOT NULL DEFAULT 0 CHECK ("orders" >= 0),
          "confirmed_orders" integer NOT NULL DEFAULT 0 CHECK ("confirmed_orders" >= 0),
          "cancelled_orders" integer NOT NULL DEFAULT 0 CHECK ("cancelled_orders" >= 0),
          "revenue_cents"    bigint  NOT NULL DEFAULT 0 CHECK ("revenue_cents" >= 0)
        )`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."sales_daily"`);
    await q.query(`DROP TABLE "${S}"."sales_hourly"`);
    await q.query(`DROP TABLE "${S}"."fact_orders"`);
  }
}
