import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ORDER_SCHEMA as S } from '../schema';

/**
 * Whose order each saga runs, so createOrder can count a customer's orders still holding stock
 * (PENDING, AWAITING_PAYMENT) and refuse past the limit. Sagas opened before this have no owner,
 * and count for no one: they end within the order deadline anyway.
 */
export class OpenOrdersPerCustomer1795500000000 implements MigrationInterface {
  name = 'OpenOrdersPerCustomer1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."order_sagas" ADD COLUMN "user_id" uuid`);
    await q.query(`CREATE INDEX "order_sagas_open_by_user_ix" ON "${S}"."order_sagas" ("user_id") WHERE "state" IN ('PENDING', 'AWAITING_PAYMENT')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."order_sagas" DROP COLUMN "user_id"`);
  }
}
