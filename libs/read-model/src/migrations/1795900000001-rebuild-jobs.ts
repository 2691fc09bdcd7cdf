import type { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_MODEL_SCHEMA as S } from '../schema';

/**
 * `read_model.rebuild_jobs`: every rebuild of a read model (from `npm run rebuild` or the admin's
 * rebuildProjection) with its progress, which systemStatus.rebuilds shows. `updated_at` is the
 * job's heartbeat: a job that stopped beating without finishing died with its process.
 */
export class RebuildJobs1795900000001 implements MigrationInterface {
  name = 'RebuildJobs1795900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "${S}"."rebuild_jobs" (
        "id" uuid PRIMARY KEY, "projection" text NOT NULL, "state" text NOT NULL, "processed" bigint NOT NULL DEFAULT 0, "total" bigint,
        "error" text, "started_at" timestamptz NOT NULL DEFAULT now(), "updated_at" timestamptz NOT NULL DEFAULT now(), "finished_at" timestamptz)`);
    await q.query(`CREATE INDEX "rebuild_jobs_started_ix" ON "${S}"."rebuild_jobs" ("started_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."rebuild_jobs"`);
  }
}
