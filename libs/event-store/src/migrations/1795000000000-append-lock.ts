import type { MigrationInterface, QueryRunner } from 'typeorm';
import { storeSchema } from './store-schema';
import { APPEND_LOCK_TOO_LATE } from '../append-lock';
import { notifyChannel } from '../notify-channel';

/**
 * How a transaction declares that it may append (see append-lock.ts): it locks the event table
 * before its first write, so it holds that lock whenever it holds a transaction id. The relay's
 * horizon then only waits for such transactions, not for every transaction in the cluster.
 * A function, so the check, the lock and the relay's wake-up call are one statement and one
 * round trip.
 */
export class AppendLock1795000000000 implements MigrationInterface {
  name = 'AppendLock1795000000000';

  /** See storeSchema: a second event store of an app passes its schema. */
  constructor(private readonly schema?: string) {}

  async up(q: QueryRunner): Promise<void> {
    const s = storeSchema(q, this.schema);
    await q.query(`
      CREATE FUNCTION "${s}"."lock_events_for_append"() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
          RAISE EXCEPTION 'lock "${s}".events for append before the transaction''s first write'
            USING ERRCODE = '${APPEND_LOCK_TOO_LATE}';
        END IF;
        LOCK TABLE "${s}"."events" IN ROW EXCLUSIVE MODE;
        -- Delivered at commit (not on rollback), appended or not: the relay, which this
        -- transaction may be holding back, is rung when it ends instead of finding out by polling.
        PERFORM pg_notify('${notifyChannel(s)}', '');
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION "${storeSchema(q, this.schema)}"."lock_events_for_append"()`);
  }
}
