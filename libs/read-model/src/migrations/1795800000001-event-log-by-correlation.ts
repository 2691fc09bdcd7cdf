import type { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_MODEL_SCHEMA as S } from '../schema';

/**
 * The admin's `trace(correlationId)` reads one correlation's events from the log, in the order
 * they were recorded: without this index every trace would read the whole log. An expression
 * index (the id is in the metadata jsonb), so the entity declares no @Index for it.
 */
export class EventLogByCorrelation1795800000001 implements MigrationInterface {
  name = 'EventLogByCorrelation1795800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "event_log_correlation_ix" ON "${S}"."event_log" (("metadata" ->> 'correlationId'), "recorded_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "${S}"."event_log_correlation_ix"`);
  }
}
