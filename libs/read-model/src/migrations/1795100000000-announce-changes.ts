import type { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_MODEL_CHANGES_CHANNEL as CHANNEL, READ_MODEL_SCHEMA as S } from '../schema';

/** The views a reader waits on after a command (read-your-writes), with each one's key column. */
const ANNOUNCED: readonly [table: string, key: string][] = [
  ['user_view', 'id'],
  ['order_view', 'id'],
  ['product_view', 'sku'],
];

/**
 * Every committed change to those views NOTIFYs `<table>:<key>` (delivered at commit, once per
 * row per transaction), so a gateway waiting for a version wakes when it lands instead of
 * polling the view on a timer, which added up to twice the projection's own lag per hop.
 */
export class AnnounceChanges1795100000000 implements MigrationInterface {
  name = 'AnnounceChanges1795100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION "${S}"."announce_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${CHANNEL}', TG_TABLE_NAME || ':' || (to_jsonb(NEW) ->> TG_ARGV[0]));
        RETURN NULL;
      END $$`);
    for (const [table, key] of ANNOUNCED) {
      await q.query(`
        CREATE TRIGGER "${table}_announce" AFTER INSERT OR UPDATE ON "${S}"."${table}"
        FOR EACH ROW EXECUTE FUNCTION "${S}"."announce_change"('${key}')`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of ANNOUNCED) await q.query(`DROP TRIGGER "${table}_announce" ON "${S}"."${table}"`);
    await q.query(`DROP FUNCTION "${S}"."announce_change"()`);
  }
}
