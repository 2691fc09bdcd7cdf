import type { EntityManager } from 'typeorm';
import { schemaOf } from '@app/database';

/**
 * Records that `consumer` applies `eventId`, inside the caller's transaction. False when it was
 * already recorded: the effects are already committed and must not be applied again. A concurrent
 * claim of the same event waits on the primary key until the first transaction ends.
 */
export const claimEvent = async (em: EntityManager, consumer: string, eventId: string): Promise<boolean> => {
  const rows: unknown[] = await em.query(
    `INSERT INTO "${schemaOf(em.connection)}"."processed_events" ("consumer", "event_id") VALUES ($1, $2)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [consumer, eventId],
  );
  return rows.length === 1;
};
