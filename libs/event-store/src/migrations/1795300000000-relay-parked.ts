import type { MigrationInterface, QueryRunner } from 'typeorm';
import { storeSchema } from './store-schema';

/**
 * Where a relay records the events it cannot publish (a type no contract of this build knows,
 * e.g. written by a newer version of the service): recorded, reported, then stepped over, rather
 * than retried forever with everything behind them stuck.
 */
export class RelayParked1795300000000 implements MigrationInterface {
  name = 'RelayParked1795300000000';

  /** See storeSchema: a second event store of an app passes its schema. */
  constructor(private readonly schema?: string) {}

  async up(q: QueryRunner): Promise<void> {
    const s = storeSchema(q, this.schema);
    await q.query(`
      CREATE TABLE "${s}"."relay_parked" (
        "relay"      text        NOT NULL,
        "position"   bigint      NOT NULL,
        "event_id"   uuid        NOT NULL,
        "event_type" text        NOT NULL,
        "reason"     text        NOT NULL,
        "parked_at"  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("relay", "position")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${storeSchema(q, this.schema)}"."relay_parked"`);
  }
}
