import type { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_MODEL_SCHEMA as S } from '../schema';
import { createSchemaIfMissing } from '@app/database';

export class CreateUserView1764300000000 implements MigrationInterface {
  name = 'CreateUserView1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await createSchemaIfMissing(q, S);
    await q.query(`
      CREATE TABLE "${S}"."user_view" (
        "id"            uuid        PRIMARY KEY,
        "email"         text        NOT NULL,
        "name"          text        NOT NULL,
        "role"          text        NOT NULL,
        "registered_at" timestamptz NOT NULL,
        "version"       integer     NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."user_view"`);
  }
}
