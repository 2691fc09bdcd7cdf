import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ANALYTICS_SCHEMA as S } from '../analytics.schema';

/** Per column, the order stream version that last set it: see the consumers' fieldGuardedUpdate. */
export class OrderFactFieldVersions1795400000001 implements MigrationInterface {
  name = 'OrderFactFieldVersions1795400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."fact_orders" ADD COLUMN "field_versions" jsonb NOT NULL DEFAULT '{}'`);
    // Rows written before: what they hold is as new as their version, or a duplicate older event
    // would count as missing everywhere and roll them back.
    const columns = ['status', 'total_cents', 'confirmed_at', 'cancelled_at', 'cancellation_reason'].map((c) => `'${c}', version`).join(', ');
    await q.query(`UPDATE "${S}"."fact_orders" SET "field_versions" = jsonb_build_object(${columns})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."fact_orders" DROP COLUMN "field_versions"`);
  }
}
