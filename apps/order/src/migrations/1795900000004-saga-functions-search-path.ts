import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ORDER_SCHEMA as S } from '../schema';

const FUNCTIONS = [`"${S}".saga_state(uuid)`, `"${S}".saga_states(text, boolean, uuid, integer)`];

/** pg_temp last in the SECURITY DEFINER functions' search_path (see libs/event-store RelayStatusSearchPath1795900000002). */
export class SagaFunctionsSearchPath1795900000004 implements MigrationInterface {
  name = 'SagaFunctionsSearchPath1795900000004';

  async up(q: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) await q.query(`ALTER FUNCTION ${fn} SET search_path = pg_catalog, pg_temp`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) await q.query(`ALTER FUNCTION ${fn} SET search_path = pg_catalog`);
  }
}
