import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DELIVERY_RECORDED_CHANNEL, NOTIFICATIONS_SCHEMA as S } from '../notifications.schema';
import { createSchemaIfMissing } from '@app/database';

export class CreateNotifications1764500000000 implements MigrationInterface {
  name = 'CreateNotifications1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await createSchemaIfMissing(q, S);
    await q.query(`
      CREATE TABLE "${S}"."recipients" (
        "user_id" uuid PRIMARY KEY,
        "email"   text NOT NULL,
        "name"    text NOT NULL
      )`);
    // No foreign key to recipients: an order event may be consumed before its user's
    // UserRegistered (other topic); its delivery then waits until the recipient is known.
    await q.query(`
      CREATE TABLE "${S}"."deliveries" (
        "id"              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        "user_id"         uuid        NOT NULL,
        "channel"         text        NOT NULL CHECK ("channel" IN ('EMAIL', 'PUSH')),
        "template"        text        NOT NULL,
        "status"          text        NOT NULL DEFAULT 'PENDING' CHECK ("status" IN ('PENDING', 'SENT', 'FAILED')),
        "attempts"        integer     NOT NULL DEFAULT 0,
        "last_error"      text,
        "event_id"        text        NOT NULL,
        "created_at"      timestamptz NOT NULL DEFAULT now(),
        "sent_at"         timestamptz,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "deliveries_once" UNIQUE ("event_id", "channel", "template")
      )`);
    // What the dispatcher scans: only the pending rows, by due time.
    await q.query(`CREATE INDEX "deliveries_due" ON "${S}"."deliveries" ("next_attempt_at") WHERE "status" = 'PENDING'`);
    // A user's notifications, newest first (the gateway's Notification list).
    await q.query(`CREATE INDEX "deliveries_by_user" ON "${S}"."deliveries" ("user_id", "created_at")`);
    // NOTIFY is delivered at commit, so the dispatcher wakes exactly when the rows are visible.
    await q.query(`
      CREATE FUNCTION "${S}"."notify_delivery_recorded"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${DELIVERY_RECORDED_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER "delivery_recorded" AFTER INSERT ON "${S}"."deliveries"
      FOR EACH STATEMENT EXECUTE FUNCTION "${S}"."notify_delivery_recorded"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."deliveries"`);
    await q.query(`DROP FUNCTION "${S}"."notify_delivery_recorded"()`);
    await q.query(`DROP TABLE "${S}"."recipients"`);
  }
}
