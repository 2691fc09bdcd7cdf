import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addFieldVersions, dropFieldVersions } from '@app/database';
import { READ_MODEL_SCHEMA as S } from '../schema';

const TABLE = `"${S}"."order_view"`;

/**
 * Per column, the order stream version that last set it (see the consumers' fieldGuardedUpdate):
 * an older event redriven after a newer one still fills in the columns only it sets.
 */
export class OrderViewFieldVersions1795400000000 implements MigrationInterface {
  name = 'OrderViewFieldVersions1795400000000';

  up(q: QueryRunner): Promise<void> {
    return addFieldVersions(q, TABLE, ['status', 'lines', 'total_cents', 'cancellation_reason', 'updated_at']);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropFieldVersions(q, TABLE);
  }
}
