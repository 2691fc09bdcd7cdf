import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@app/database';

/** What one call looks at, whatever it is handed: a trace asks for the events of one correlation. */
export const PROCESSED_EVENTS_OF_MAX_IDS = 1000;

/**
 * `<schema>.processed_events_of(event_ids)`: which consumers of this schema applied these events,
 * and when (processed_at: the start of the transaction that applied them with their effects), for
 * the admin's `trace(correlationId)`. SECURITY DEFINER, as relay_status (libs/event-store
 * 1795600000000) and saga_states (order 1795700000000) are: the gateway's role gets EXECUTE on
 * this, not SELECT on the table. Every app whose schema has processed_events gets it (the
 * consumers app's inventory schema, the order saga's orders schema).
 *
 * The primary key is (consumer, event_id): looking up event ids alone would read the whole table.
 * The few consumer names are found by skipping through that key (a recursive loose index scan),
 * then each (consumer, event ids) pair is an index lookup, so no second index slows every claim.
 */
export class ProcessedEventsOf1795800000000 implements MigrationInterface {
  name = 'ProcessedEventsOf1795800000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q.connection);
    await q.query(`
      CREATE FUNCTION "${s}".processed_events_of(event_ids text[])
      RETURNS TABLE (consumer text, event_id text, processed_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $fn$
        WITH RECURSIVE consumers (name) AS (
          (SELECT p.consumer FROM "${s}".processed_events p ORDER BY p.consumer LIMIT 1)
          UNION ALL
          SELECT (SELECT p.consumer FROM "${s}".processed_events p WHERE p.consumer > c.name ORDER BY p.consumer LIMIT 1)
          FROM consumers c WHERE c.name IS NOT NULL
        )
        SELECT p.consumer, p.event_id, p.processed_at
        FROM consumers c JOIN "${s}".processed_events p ON p.consumer = c.name AND p.event_id = ANY (event_ids[1:${PROCESSED_EVENTS_OF_MAX_IDS}])
      $fn$`);
    // SECURITY DEFINER runs as this service's role: nobody but the gateway may call it.
    await q.query(`REVOKE ALL ON FUNCTION "${s}".processed_events_of(text[]) FROM PUBLIC`);
    await q.query(`
      DO $grant$ BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'commerce_gateway') THEN
          GRANT USAGE ON SCHEMA "${s}" TO commerce_gateway;
          GRANT EXECUTE ON FUNCTION "${s}".processed_events_of(text[]) TO commerce_gateway;
        END IF;
      END $grant$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // USAGE on the schema stays: the event store's relay_status needs it too.
    await q.query(`DROP FUNCTION "${schemaOf(q.connection)}".processed_events_of(text[])`);
  }
}
