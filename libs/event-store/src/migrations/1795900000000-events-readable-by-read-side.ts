import type { MigrationInterface, QueryRunner } from 'typeorm';
import { storeSchema } from './store-schema';

/**
 * The read side (the consumers' role) may read a store's events, nothing else of it: its read
 * models are a function of every store, and a rebuild (npm run rebuild, the admin's
 * rebuildProjection) replays them from there. Granted when the role exists (service-roles.sql).
 */
export class EventsReadableByReadSide1795900000000 implements MigrationInterface {
  name = 'EventsReadableByReadSide1795900000000';

  /** See storeSchema: a second event store of an app passes its schema. */
  constructor(private readonly schema?: string) {}

  async up(q: QueryRunner): Promise<void> {
    const s = storeSchema(q, this.schema);
    await q.query(`
      DO $grant$ BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'commerce_consumers') THEN
          GRANT USAGE ON SCHEMA "${s}" TO commerce_consumers;
          GRANT SELECT ON "${s}".events TO commerce_consumers;
        END IF;
      END $grant$`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = storeSchema(q, this.schema);
    await q.query(`DO $r$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'commerce_consumers') THEN REVOKE SELECT ON "${s}".events FROM commerce_consumers; END IF; END $r$`);
  }
}
