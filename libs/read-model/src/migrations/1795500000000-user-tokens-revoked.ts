import type { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_MODEL_SCHEMA as S } from '../schema';

/** When the user last signed out everywhere (UserTokensRevoked): the gateway refuses tokens issued before. */
export class UserTokensRevoked1795500000000 implements MigrationInterface {
  name = 'UserTokensRevoked1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."user_view" ADD COLUMN "tokens_revoked_before" timestamptz`);
    // The gateway loads the revocations still within a token's lifetime at start-up.
    await q.query(`CREATE INDEX "user_view_tokens_revoked_before" ON "${S}"."user_view" ("tokens_revoked_before") WHERE "tokens_revoked_before" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."user_view" DROP COLUMN "tokens_revoked_before"`);
  }
}
