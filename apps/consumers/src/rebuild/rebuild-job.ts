import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { AppConfig } from '@app/config';
import { pgConnectionOptions, SERVICE_ROLES } from '@app/database';
import { REBUILD_JOBS_TABLE } from '@app/read-model';
import type { RebuildProgress } from './drain';
import { projectionsNamed, type Rebuildable, type RebuildResult, runRebuild } from './run-rebuild';

/** A job as systemStatus.rebuilds shows it. */
export interface RebuildJob { id: string; projection: string; state: string; processed: number; total: number | null; startedAt: string; finishedAt: string | null }

/** How often a running job's row is written: its progress and its heartbeat. */
const WRITE_EVERY_MS = 1000;

/**
 * Starts the rebuild of `name` (a projection or `all`, which runs each in turn as one job),
 * recorded in read_model.rebuild_jobs from its first step to its end. Answers the job at once,
 * and `done`, which settles with the results (one per projection) or the failure. The row holds
 * the error's message, never its stack. `id` names the job: a second start with the same id
 * answers the first's job and starts nothing.
 */
export const startRebuildJob = async (
  name: string,
  config: AppConfig,
  { id = randomUUID(), onProgress }: { id?: string; onProgress?: (projection: string, progress: RebuildProgress) => void } = {},
): Promise<{ job: RebuildJob; done: Promise<RebuildResult[]> }> => {
  const names = projectionsNamed(name);
  const db = new Pool({ connectionString: config.databaseUrl, max: 1, ...pgConnectionOptions(config, 'rebuild-jobs', undefined, SERVICE_ROLES.consumers) });
  const columns = `id, projection, state, processed::int, total::int, started_at AS "startedAt", finished_at AS "finishedAt"`;
  try {
    const { rows } = await db.query(`INSERT INTO ${REBUILD_JOBS_TABLE} (id, projection, state) VALUES ($1, $2, 'COPYING') ON CONFLICT (id) DO NOTHING RETURNING ${columns}`, [id, name]);
    if (rows.length === 0) {
      // The same request again (a command resent with its id): the job it started, not a second one.
      const { rows: had } = await db.query(`SELECT ${columns} FROM ${REBUILD_JOBS_TABLE} WHERE id = $1`, [id]);
      await db.end();
      return { job: had[0] as RebuildJob, done: Promise.resolve([]) };
    }
    const job = rows[0] as RebuildJob;
    return { job, done: run(job.id, names, config, db, onProgress) };
  } catch (error) {
    await db.end();
    throw error;
  }
};

const run = async (id: string, names: Rebuildable[], config: AppConfig, db: Pool, onProgress?: (projection: string, progress: RebuildProgress) => void): Promise<RebuildResult[]> => {
  let latest: { processed: number; total: number; state: string } = { processed: 0, total: 0, state: 'COPYING' };
  const write = () => db.query(`UPDATE ${REBUILD_JOBS_TABLE} SET state = $2, processed = $3, total = $4, updated_at = now() WHERE id = $1`, [id, latest.state, latest.processed, latest.total]);
  // Writes one at a time, so a slow write never reorders the job's states.
  let writing: Promise<unknown> = Promise.resolve();
  const beat = setInterval(() => (writing = writing.then(write).catch(() => undefined)), WRITE_EVERY_MS);
  const results: RebuildResult[] = [];
  try {
    let before = 0;
    for (const name of names) {
      const result = await runRebuild(name, config, (p) => {
        // `all` is one job: its figures run on across the projections.
        latest = { processed: before + p.processed, total: before + p.total, state: p.state === 'DONE' && name !== names.at(-1) ? 'COPYING' : p.state };
        onProgress?.(name, p);
      });
      results.push(result);
      before = latest.processed;
    }
    clearInterval(beat);
    await writing;
    await db.query(`UPDATE ${REBUILD_JOBS_TABLE} SET state = 'DONE', processed = $2, total = $2, updated_at = now(), finished_at = now() WHERE id = $1`, [id, latest.processed]);
    return results;
  } catch (error) {
    clearInterval(beat);
    await writing;
    const message = error instanceof Error ? error.message : String(error);
    await db.query(`UPDATE ${REBUILD_JOBS_TABLE} SET state = 'FAILED', error = $2, updated_at = now(), finished_at = now() WHERE id = $1`, [id, message]).catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
};
