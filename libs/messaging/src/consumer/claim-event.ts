import type { EntityManager } from 'typeorm';
import { schemaOf } from '@app/database';

/**
 * Records that `consumer` applies these events, inside the caller's transaction, and returns the
 * ids not recorded before: the others' effects are already committed and must not be applied
 * again. One statement for a whole batch. A concurrent claim of the same event waits on the
 * primary key until the first transaction ends.
 */
export const claimEvents = async (em: EntityManager, consumer: string, eventIds: readonly string[]): Promise<Set<string>> => {
  const rows: { event_id: string }[] = await em.query(
    `INSERT INTO "${schemaOf(em.connection)}"."processed_events" ("consumer", "event_id")
     SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING "event_id"`,
    [consumer, eventIds],
  );
  return new Set(rows.map((r) => r.event_id));
};
