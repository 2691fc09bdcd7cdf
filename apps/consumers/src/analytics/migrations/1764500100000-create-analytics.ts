import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ANALYTICS_SCHEMA as S } from '../analytics.schema';
import { createSchemaIfMissing } from '@app/database';

export class CreateAnalytics1764500100000 implements MigrationInterface {
  name = 'CreateAnalytics1764500100000';

  async up(q: QueryRunner): Promise<void> {
    await createSchemaIfMissing(q, S);
    await q.query(`
      CREATE TABLE "${S}"."fact_user_signups" (
        "user_id"       uuid        PRIMARY KEY,
        "event_id"      text        NOT NULL UNIQUE,
        "registered_at" timestamptz NOT NULL,
        "signup_day"    date        NOT NULL,
        "role"          text        NOT NULL
      )`);
    await q.query(`CREATE INDEX "fact_user_signups_by_day" ON "${S}"."fact_user_signups" ("signup_day")`);
    await q.query(`
      CREATE TABLE "${S}"."daily_signups" (
        "day"     date    PRIMARY KEY,
        "signups" integer NOT NULL CHECK ("signups" >= 0)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."daily_signups"`);
    await q.query(`DROP TABLE "${S}"."fact_user_signups"`);
  }
}
