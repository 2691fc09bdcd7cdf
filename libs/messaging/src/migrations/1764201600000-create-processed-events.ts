import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@app/database';

/**
 * What each consumer has already applied (DESIGN.md section 6): written in the same transaction
 * as the consumer's effects, so a redelivered event finds its row and changes nothing.
 * `event_id` is text: ids are only compared, and a malformed one must not become an SQL error.
 */
export class CreateProcessedEvents1764201600000 implements MigrationInterface {
  name = 'CreateProcessedEvents1764201600000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q.connection);
    await q.query(`
      CREATE TABLE "${s}"."processed_events" (
        "consumer"     text        NOT NULL,
        "event_id"     text        NOT NULL,
        "processed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "processed_events_pk" PRIMARY KEY ("consumer", "event_id")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${schemaOf(q.connection)}"."processed_events"`);
  }
}
