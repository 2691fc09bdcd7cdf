import type { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_MODEL_SCHEMA as S } from '../schema';

export class CreateOrderViews1764600000000 implements MigrationInterface {
  name = 'CreateOrderViews1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "${S}"."order_view" (
        "id" uuid PRIMARY KEY, "user_id" uuid NOT NULL, "status" text NOT NULL, "lines" jsonb NOT NULL,
        "total_cents" integer, "cancellation_reason" text,
        "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "version" integer NOT NULL)`);
    await q.query(`CREATE INDEX "order_view_user_created_ix" ON "${S}"."order_view" ("user_id", "created_at")`);
    await q.query(`CREATE INDEX "order_view_status_created_ix" ON "${S}"."order_view" ("status", "created_at")`);
    await q.query(`
      CREATE TABLE "${S}"."payment_view" (
        "id" uuid PRIMARY KEY, "order_id" uuid NOT NULL UNIQUE, "amount_cents" integer NOT NULL,
        "status" text NOT NULL, "failure_reason" text, "processed_at" timestamptz NOT NULL, "version" integer NOT NULL)`);
    await q.query(`
      CREATE TABLE "${S}"."product_view" (
        "sku" text PRIMARY KEY, "name" text NOT NULL, "price_cents" integer NOT NULL,
        "available" integer NOT NULL CHECK ("available" >= 0), "reserved" integer NOT NULL CHECK ("reserved" >= 0),
        "version" integer NOT NULL, "updated_at" timestamptz NOT NULL)`);
    await q.query(`
      CREATE TABLE "${S}"."event_log" (
        "event_id" uuid PRIMARY KEY, "stream_id" text NOT NULL, "version" integer NOT NULL, "position" text NOT NULL,
        "type" text NOT NULL, "schema_version" integer NOT NULL, "payload" jsonb NOT NULL, "metadata" jsonb NOT NULL,
        "recorded_at" timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX "event_log_stream_version_ix" ON "${S}"."event_log" ("stream_id", "version")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['event_log', 'product_view', 'payment_view', 'order_view']) await q.query(`DROP TABLE "${S}"."${t}"`);
  }
}
