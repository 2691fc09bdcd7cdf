import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addFieldVersions, dropFieldVersions } from '@app/database';
import { ANALYTICS_SCHEMA as S } from '../analytics.schema';

const TABLE = `"${S}"."fact_orders"`;

/** Per column, the order stream version that last set it: see the consumers' fieldGuardedUpdate. */
export class OrderFactFieldVersions1795400000001 implements MigrationInterface {
  name = 'OrderFactFieldVersions1795400000001';

  up(q: QueryRunner): Promise<void> {
    return addFieldVersions(q, TABLE, ['status', 'total_cents', 'confirmed_at', 'cancelled_at', 'cancellation_reason']);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropFieldVersions(q, TABLE);
  }
}
