import type { MigrationInterface, QueryRunner } from 'typeorm';
import { storeSchema } from './store-schema';
import { notifyChannel } from '../notify-channel';

/**
 * Idempotent appends (a retried command appends nothing new) and a wake-up call for the relay:
 * a statement-level trigger NOTIFYs at commit, so the relay does not have to poll tightly.
 */
export class IdempotencyAndNotify1764115300000 implements MigrationInterface {
  name = 'IdempotencyAndNotify1764115300000';

  /** See storeSchema: a second event store of an app passes its schema. */
  constructor(private readonly schema?: string) {}

  async up(q: QueryRunner): Promise<void> {
    const s = storeSchema(q, this.schema);
    await q.query(`
      CREATE TABLE "${s}"."idempotency_keys" (
        "key"           text        PRIMARY KEY,
        "stream_id"     text        NOT NULL,
        -- The last event of the first append with this key: its row holds the result to replay.
        "last_event_id" uuid        NOT NULL,
        "created_at"    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION "${s}"."notify_events_appended"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${notifyChannel(s)}', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER "events_appended" AFTER INSERT ON "${s}"."events"
      FOR EACH STATEMENT EXECUTE FUNCTION "${s}"."notify_events_appended"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = storeSchema(q, this.schema);
    await q.query(`DROP TRIGGER "events_appended" ON "${s}"."events"`);
    await q.query(`DROP FUNCTION "${s}"."notify_events_appended"()`);
    await q.query(`DROP TABLE "${s}"."idempotency_keys"`);
  }
}
