import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NOTIFICATIONS_SCHEMA as S } from '../notifications.schema';

/** Order notifications: what their templates need, and who owns each order. */
export class OrderNotifications1764900000000 implements MigrationInterface {
  name = 'OrderNotifications1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // Template fields from the event (order id, total, reason): the dispatcher renders long after
    // the event was consumed, and Kafka is not a place to look it up again.
    await q.query(`ALTER TABLE "${S}"."deliveries" ADD COLUMN "data" jsonb NOT NULL DEFAULT '{}'::jsonb`);
    // Order events after OrderCreated carry only the order id; their recipient comes from here.
    await q.query(`
      CREATE TABLE "${S}"."order_owners" (
        "order_id" uuid PRIMARY KEY,
        "user_id"  uuid NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."order_owners"`);
    await q.query(`ALTER TABLE "${S}"."deliveries" DROP COLUMN "data"`);
  }
}
