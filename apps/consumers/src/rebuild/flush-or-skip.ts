import type { ClientBase } from 'pg';
import type { EventEnvelope } from '@app/events';
import type { TableName, TableRebuildSpec } from './table-rebuild-spec';

/**
 * Writes a batch; when it fails (one event the tables refuse, e.g. a value out of a column's
 * range) it goes back to the batch's start and applies the events one by one, each under a
 * savepoint, skipping those that fail: what the live consumer does with one poison event (the
 * dead-letter topic) instead of failing the whole rebuild. Resolves with the events skipped.
 */
export const flushOrSkip = async (db: ClientBase, spec: TableRebuildSpec, table: TableName, events: EventEnvelope[]): Promise<number> => {
  const whole = spec.batch(table);
  for (const event of events) whole.add(event);
  await db.query('SAVEPOINT rebuild_batch');
  try {
    const skipped = await whole.flush(db);
    await db.query('RELEASE SAVEPOINT rebuild_batch');
    return skipped;
  } catch {
    await db.query('ROLLBACK TO SAVEPOINT rebuild_batch');
  }
  let skipped = 0;
  for (const event of events) {
    const one = spec.batch(table);
    one.add(event);
    await db.query('SAVEPOINT rebuild_event');
    try {
      skipped += await one.flush(db);
      await db.query('RELEASE SAVEPOINT rebuild_event');
    } catch {
      await db.query('ROLLBACK TO SAVEPOINT rebuild_event');
      skipped++;
    }
  }
  return skipped;
};
