import type { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_MODEL_SCHEMA as S } from '../schema';

/**
 * Per column, the order stream version that last set it (see the consumers' fieldGuardedUpdate):
 * an older event redriven after a newer one still fills in the columns only it sets. Existing
 * rows count every column as set at the row's version.
 */
export class OrderViewFieldVersions1795400000000 implements MigrationInterface {
  name = 'OrderViewFieldVersions1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."order_view" ADD COLUMN "field_versions" jsonb NOT NULL DEFAULT '{}'`);
    // Rows written before: what they hold is as new as their version, or a duplicate older event
    // would count as missing everywhere and roll them back.
    const columns = ['status', 'lines', 'total_cents', 'cancellation_reason', 'updated_at'].map((c) => `'${c}', version`).join(', ');
    await q.query(`UPDATE "${S}"."order_view" SET "field_versions" = jsonb_build_object(${columns})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."order_view" DROP COLUMN "field_versions"`);
  }
}
