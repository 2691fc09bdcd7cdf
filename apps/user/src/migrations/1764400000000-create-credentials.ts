import type { MigrationInterface, QueryRunner } from 'typeorm';
import { USER_SCHEMA as S } from '../schema';

/**
 * Credentials stay in the user service: no event, reply or read model ever carries the hash.
 * `email_lower` makes uniqueness case-insensitive; `command_id` makes a retried register
 * command find the user its first attempt created instead of creating a second one.
 */
export class CreateCredentials1764400000000 implements MigrationInterface {
  name = 'CreateCredentials1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "${S}"."credentials" (
        "user_id"       uuid        PRIMARY KEY,
        "email"         text        NOT NULL,
        "email_lower"   text        NOT NULL,
        "name"          text        NOT NULL,
        "role"          text        NOT NULL CHECK ("role" IN ('CUSTOMER', 'ADMIN')),
        "password_hash" text        NOT NULL,
        "command_id"    text        NOT NULL,
        "created_at"    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "credentials_email_lower_uk" UNIQUE ("email_lower"),
        CONSTRAINT "credentials_command_id_uk" UNIQUE ("command_id")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."credentials"`);
  }
}
