import type { MigrationInterface, QueryRunner } from 'typeorm';
import { storeSchema } from './store-schema';

/**
 * relay_status runs with its owner's rights and names pg_locks and pg_stat_activity unqualified.
 * With pg_temp not in its search_path, PostgreSQL searches the caller's temporary schema first,
 * so a caller's temporary table of that name could stand in for the catalog's; listed last, it
 * never can (PostgreSQL's advice for SECURITY DEFINER functions).
 */
export class RelayStatusSearchPath1795900000002 implements MigrationInterface {
  name = 'RelayStatusSearchPath1795900000002';

  /** See storeSchema: a second event store of an app passes its schema. */
  constructor(private readonly schema?: string) {}

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION "${storeSchema(q, this.schema)}".relay_status(text) SET search_path = pg_catalog, pg_temp`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION "${storeSchema(q, this.schema)}".relay_status(text) SET search_path = pg_catalog`);
  }
}
