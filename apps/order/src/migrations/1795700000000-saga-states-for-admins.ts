import type { MigrationInterface, QueryRunner } from 'typeorm';
import { overdueSql } from '../sagas/saga-rules';
import { ORDER_SCHEMA as S } from '../schema';

const COLUMNS = 'order_id uuid, state text, deadline_at timestamptz, updated_at timestamptz';
const SIGNATURES = [`"${S}".saga_state(uuid)`, `"${S}".saga_states(text, boolean, uuid, integer)`];
/** What one call of saga_states returns at most, whatever it is asked (the gateway asks 100 at most). */
const MAX_ROWS = 1000;
/** The overdue rule inside the function's dynamic SQL, a string literal: its quotes doubled. */
const OVERDUE = overdueSql('s.').replace(/'/g, "''");

/**
 * The admin's `saga(orderId)` and `sagas(state, overdue, first, after)` (API.graphql), read by the
 * gateway through SECURITY DEFINER functions as relay_status is (libs/event-store 1795600000000):
 * its role gets EXECUTE on these, not SELECT on order_sagas. In flight and overdue are the rules
 * of saga-rules.ts, as the gauges and the deadline scan apply them.
 *
 * `created_at` orders the list: unlike updated_at (every step, every deadline claim moves it) it
 * never changes, so `after: <orderId of the last saga seen>` resumes where that page ended, and
 * pages stay disjoint while the sagas on them move on. Existing sagas take their OrderCreated's
 * time; new ones get it by default, now() in that same transaction.
 */
export class SagaStatesForAdmins1795700000000 implements MigrationInterface {
  name = 'SagaStatesForAdmins1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}".order_sagas ADD COLUMN created_at timestamptz`);
    await q.query(`UPDATE "${S}".order_sagas s SET created_at = e.recorded_at FROM "${S}".events e WHERE e.stream_id = 'order-' || s.order_id AND e.stream_version = 1`);
    await q.query(`UPDATE "${S}".order_sagas SET created_at = updated_at WHERE created_at IS NULL`);
    await q.query(`ALTER TABLE "${S}".order_sagas ALTER COLUMN created_at SET DEFAULT now(), ALTER COLUMN created_at SET NOT NULL`);
    // Keyset pages, newest first: of all sagas, and of one state (CONFIRMED grows without end).
    await q.query(`CREATE INDEX order_sagas_created_ix ON "${S}".order_sagas (created_at DESC, order_id DESC)`);
    await q.query(`CREATE INDEX order_sagas_state_created_ix ON "${S}".order_sagas (state, created_at DESC, order_id DESC)`);
    await q.query(`
      CREATE FUNCTION "${S}".saga_state(of_order uuid) RETURNS TABLE (${COLUMNS})
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $fn$
        SELECT s.order_id, s.state, s.deadline_at, s.updated_at FROM "${S}".order_sagas s WHERE s.order_id = of_order
      $fn$`);
    // Dynamic SQL: only the filters asked for reach the planner, which then picks the index that
    // fits (a static "$1 IS NULL OR ..." would be planned for no filter in particular).
    // An unknown `after_order` raises no_data_found (P0002): the caller's cursor is wrong.
    await q.query(`
      CREATE FUNCTION "${S}".saga_states(only_state text, only_overdue boolean, after_order uuid, max_rows integer) RETURNS TABLE (${COLUMNS})
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $fn$
      DECLARE
        after_created timestamptz;
        filters text := '';
      BEGIN
        IF after_order IS NOT NULL THEN
          SELECT s.created_at INTO after_created FROM "${S}".order_sagas s WHERE s.order_id = after_order;
          IF NOT FOUND THEN RAISE EXCEPTION 'no saga for order %', after_order USING ERRCODE = 'no_data_found'; END IF;
          filters := filters || ' AND (s.created_at, s.order_id) < ($3, $4)';
        END IF;
        IF only_state IS NOT NULL THEN filters := filters || ' AND s.state = $1'; END IF;
        IF only_overdue THEN filters := filters || ' AND ${OVERDUE}';
        ELSIF NOT only_overdue THEN filters := filters || ' AND NOT COALESCE(${OVERDUE}, false)';
        END IF;
        RETURN QUERY EXECUTE 'SELECT s.order_id, s.state, s.deadline_at, s.updated_at FROM "${S}".order_sagas s WHERE true' || filters
          || ' ORDER BY s.created_at DESC, s.order_id DESC LIMIT $5'
          USING only_state, only_overdue, after_created, after_order, least(greatest(max_rows, 0), ${MAX_ROWS});
      END
      $fn$`);
    // SECURITY DEFINER runs as this service's role: nobody but the gateway may call them.
    await q.query(`REVOKE ALL ON FUNCTION ${SIGNATURES.join(', ')} FROM PUBLIC`);
    await q.query(`
      DO $grant$ BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'commerce_gateway') THEN
          GRANT USAGE ON SCHEMA "${S}" TO commerce_gateway;
          GRANT EXECUTE ON FUNCTION ${SIGNATURES.join(', ')} TO commerce_gateway;
        END IF;
      END $grant$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // USAGE on the schema stays: relay_status (the event store's migration) needs it too.
    await q.query(`DROP FUNCTION ${SIGNATURES.join(', ')}`);
    await q.query(`ALTER TABLE "${S}".order_sagas DROP COLUMN created_at`);
  }
}
