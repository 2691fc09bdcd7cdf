import type { MigrationInterface, QueryRunner } from 'typeorm';
import { USER_SCHEMA as S } from '../schema';

/**
 * Limits on logins and registrations, in this service's tables so every gateway replica shares
 * them: attempt counters in fixed windows, and the addresses each account has signed in from
 * (which keep their owner signing in while strangers are held back).
 */
export class AttemptLimits1795500000000 implements MigrationInterface {
  name = 'AttemptLimits1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "${S}"."attempt_counters" (
        "bucket"       text        NOT NULL,
        "window_start" timestamptz NOT NULL,
        "hits"         integer     NOT NULL,
        PRIMARY KEY ("bucket", "window_start")
      )`);
    await q.query(`
      CREATE TABLE "${S}"."known_addresses" (
        "email_lower"  text        NOT NULL,
        "address"      text        NOT NULL,
        "last_success" timestamptz NOT NULL,
        PRIMARY KEY ("email_lower", "address")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."known_addresses"`);
    await q.query(`DROP TABLE "${S}"."attempt_counters"`);
  }
}
