import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@app/database';

/** pg_temp last in the SECURITY DEFINER function's search_path (see RelayStatusSearchPath1795900000002). */
export class ProcessedEventsOfSearchPath1795900000003 implements MigrationInterface {
  name = 'ProcessedEventsOfSearchPath1795900000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION "${schemaOf(q.connection)}".processed_events_of(text[]) SET search_path = pg_catalog, pg_temp`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION "${schemaOf(q.connection)}".processed_events_of(text[]) SET search_path = pg_catalog`);
  }
}
