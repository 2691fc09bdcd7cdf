import type { MigrationInterface, QueryRunner } from 'typeorm';
import { storeSchema } from './store-schema';

/**
 * `<schema>.relay_status(relay)`: how far a relay is behind its store (events not yet published,
 * the age of the oldest) and which session leads it, for /metrics (libs/metrics) and the admin's
 * systemStatus. SECURITY DEFINER, so the gateway's role may call it (granted below when the role
 * exists) and learn these figures without any right on the store's tables. A relay's checkpoint
 * (read-all.ts): every row of a transaction below lower_xid is published, those of
 * [lower_xid, upper_xid) up to position; only rows from lower_xid on are looked at, through the
 * (transaction_id, position) index. The leader holds the advisory lock `relay:<schema>:<relay>`.
 */
export class RelayStatus1795600000000 implements MigrationInterface {
  name = 'RelayStatus1795600000000';

  /** See storeSchema: a second event store of an app passes its schema. */
  constructor(private readonly schema?: string) {}

  async up(q: QueryRunner): Promise<void> {
    const s = storeSchema(q, this.schema);
    await q.query(`
      CREATE FUNCTION "${s}".relay_status(relay text)
      RETURNS TABLE (events integer, seconds double precision, leader text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $fn$
        SELECT lag.events, lag.seconds,
          (SELECT format('%s (pid %s)', a.application_name, l.pid)
           FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
             AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtext(format('relay:%s:%s', '${s}', relay))::bigint
           LIMIT 1)
        FROM (
          SELECT count(*)::int AS events, COALESCE(EXTRACT(EPOCH FROM now() - min(e.recorded_at)), 0)::float8 AS seconds
          FROM "${s}".events e
          LEFT JOIN "${s}".relay_checkpoints c ON c.relay = relay_status.relay
          WHERE e.transaction_id >= COALESCE(c.lower_xid, '0'::xid8)
            AND NOT (c.relay IS NOT NULL AND e.transaction_id < c.upper_xid AND e.position <= c.position)
        ) lag
      $fn$`);
    await q.query(`
      DO $grant$ BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'commerce_gateway') THEN
          GRANT USAGE ON SCHEMA "${s}" TO commerce_gateway;
          GRANT EXECUTE ON FUNCTION "${s}".relay_status(text) TO commerce_gateway;
        END IF;
      END $grant$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION "${storeSchema(q, this.schema)}".relay_status(text)`);
  }
}
