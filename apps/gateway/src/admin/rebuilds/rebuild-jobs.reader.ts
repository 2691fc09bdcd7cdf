import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REBUILD_HEARTBEAT_SECONDS, REBUILD_JOBS_TABLE } from '@app/read-model';
import type { RebuildJobModel } from '../models/system-status.model';

/** How many jobs systemStatus shows: the running ones and the latest finished. */
const SHOWN = 10;

/**
 * The rebuild jobs (read_model.rebuild_jobs, written by the consumers app and `npm run rebuild`),
 * newest first. A job whose heartbeat stopped without an end died with its process: FAILED.
 */
@Injectable()
export class RebuildJobsReader {
  constructor(private readonly dataSource: DataSource) {}

  async latest(): Promise<RebuildJobModel[]> {
    const rows: (Omit<RebuildJobModel, 'processed' | 'total'> & { processed: string; total: string | null })[] = await this.dataSource.query(
      `SELECT id, projection, processed, total, started_at AS "startedAt", finished_at AS "finishedAt",
         CASE WHEN finished_at IS NULL AND updated_at < now() - make_interval(secs => $2) THEN 'FAILED' ELSE state END AS state
       FROM ${REBUILD_JOBS_TABLE} ORDER BY (finished_at IS NULL) DESC, started_at DESC LIMIT $1`,
      [SHOWN, REBUILD_HEARTBEAT_SECONDS],
    );
    return rows.map((r) => ({ ...r, processed: Number(r.processed), total: r.total === null ? null : Number(r.total) }));
  }
}
