import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ORDER_SCHEMA as S } from '../schema';

/**
 * Every order has a deadline from its creation (set in the OrderCreated transaction), not only
 * once it awaits payment: the scheduler's scan now covers PENDING sagas too.
 */
export class DeadlinesFromCreation1795400000000 implements MigrationInterface {
  name = 'DeadlinesFromCreation1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "${S}"."order_sagas_due_ix"`);
    await q.query(`CREATE INDEX "order_sagas_due_ix" ON "${S}"."order_sagas" ("deadline_at") WHERE "state" IN ('PENDING', 'AWAITING_PAYMENT')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "${S}"."order_sagas_due_ix"`);
    await q.query(`CREATE INDEX "order_sagas_due_ix" ON "${S}"."order_sagas" ("deadline_at") WHERE "state" = 'AWAITING_PAYMENT'`);
  }
}
