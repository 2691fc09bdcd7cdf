import type { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_MODEL_SCHEMA as S } from '../schema';

export class CreateUserView1764300000000 implements MigrationInterface {
  name = 'CreateUserView1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS "${S}"`);
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
