import type { MigrationInterface, QueryRunner } from 'typeorm';
import { storeSchema } from './store-schema';

/**
 * The event store of one service (DESIGN.md section 4), created in the schema the service's
 * DataSource is configured with. The table is also the outbox: the relay reads it by position.
 */
export class CreateEventStore1764115200000 implements MigrationInterface {
  name = 'CreateEventStore1764115200000';

  /** See storeSchema: a second event store of an app passes its schema. */
  constructor(private readonly schema?: string) {}

  async up(q: QueryRunner): Promise<void> {
    const s = storeSchema(q, this.schema);
    await q.query(`
      CREATE TABLE "${s}"."events" (
        "position"       bigserial PRIMARY KEY,
        "stream_id"      text        NOT NULL,
        "stream_version" integer     NOT NULL CHECK ("stream_version" > 0),
        "event_id"       uuid        NOT NULL,
        "event_type"     text        NOT NULL,
        "schema_version" integer     NOT NULL,
        "payload"        jsonb       NOT NULL,
        "metadata"       jsonb       NOT NULL,
        "recorded_at"    timestamptz NOT NULL DEFAULT now(),
        -- The writer's transaction id: readers use it to skip rows of transactions that may
        -- still commit below positions already seen (the bigserial gap problem).
        "transaction_id" xid8        NOT NULL DEFAULT pg_current_xact_id(),
        CONSTRAINT "events_event_id_uk" UNIQUE ("event_id"),
        CONSTRAINT "events_stream_version_uk" UNIQUE ("stream_id", "stream_version")
      )`);
    await q.query(`CREATE INDEX "events_transaction_position_ix" ON "${s}"."events" ("transaction_id", "position")`);
    // A reader's progress through the table: every row of a transaction below lower_xid is done;
    // rows of transactions in [lower_xid, upper_xid) are done up to "position".
    await q.query(`
      CREATE TABLE "${s}"."relay_checkpoints" (
        "relay"      text        PRIMARY KEY,
        "lower_xid"  xid8        NOT NULL,
        "upper_xid"  xid8        NOT NULL,
        "position"   bigint      NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = storeSchema(q, this.schema);
    await q.query(`DROP TABLE "${s}"."relay_checkpoints"`);
    await q.query(`DROP TABLE "${s}"."events"`);
  }
}

