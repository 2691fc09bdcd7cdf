import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { SERVICE_ROLES } from '@app/database';
import { CONSUMER_MIGRATIONS } from '@app/messaging';
import { assertTestDatabase } from '../support/test-env';

const { databaseUrl } = loadConfig();

/**
 * The consumer runtime's migrations (libs/messaging), which every consuming app runs in its own
 * schema: processed_events, and processed_events_of for the admin's trace, which the gateway's
 * role may call and no other role, without any right on the table.
 */
describe('the consumer migrations on PostgreSQL', () => {
  const schema = `consumer_migration_test_${randomUUID().slice(0, 8)}`;
  let ds: DataSource;

  beforeAll(async () => {
    assertTestDatabase();
    ds = new DataSource({ type: 'postgres', url: databaseUrl, schema, migrations: CONSUMER_MIGRATIONS, migrationsTableName: 'migrations', logging: false });
    await ds.initialize();
    await ds.query(`CREATE SCHEMA "${schema}"`);
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await ds.destroy();
  });

  /** The SQLSTATE `sql` fails with as `role`, or its rows. */
  const as = async (role: string, sql: string, params: unknown[] = []): Promise<unknown> => {
    const runner = ds.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query(`SET LOCAL ROLE ${role}`);
      return await runner.query(sql, params);
    } catch (error) {
      return (error as { code?: string }).code;
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  };

  it("creates processed_events and processed_events_of, which answers the gateway's role only, and reverts", async () => {
    const applied = await ds.runMigrations({ transaction: 'all' });
    expect(applied.map((m) => m.name)).toEqual(['CreateProcessedEvents1764201600000', 'ProcessedEventsOf1795800000000', 'ProcessedEventsOfSearchPath1795900000003']);
    const [a, b] = [randomUUID(), randomUUID()];
    await ds.query(`INSERT INTO "${schema}".processed_events (consumer, event_id) VALUES ('projections', $1), ('search', $1), ('search', $2), ('analytics', 'other')`, [a, b]);

    const of = `SELECT consumer, event_id FROM "${schema}".processed_events_of($1::text[]) ORDER BY consumer, event_id`;
    const expected = [{ consumer: 'projections', event_id: a }, { consumer: 'search', event_id: a }, { consumer: 'search', event_id: b }].sort((x, y) =>
      `${x.consumer} ${x.event_id}`.localeCompare(`${y.consumer} ${y.event_id}`),
    );
    expect(await as(SERVICE_ROLES.gateway, of, [[a, b, 'unknown']])).toEqual(expected);
    expect(await as(SERVICE_ROLES.gateway, of, [[]])).toEqual([]);
    // The function, not the table: and nobody else may call it (no EXECUTE for PUBLIC).
    expect(await as(SERVICE_ROLES.gateway, `SELECT count(*) FROM "${schema}".processed_events`)).toBe('42501');
    expect(await as(SERVICE_ROLES.user, of, [[a]])).toBe('42501');

    const fn = async () => (await ds.query(`SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = 'processed_events_of'`, [schema])).length;
    expect(await fn()).toBe(1);
    // SECURITY DEFINER: the caller's temporary schema searched last, never first.
    const searchPath = async () => (await ds.query(`SELECT p.proconfig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = 'processed_events_of'`, [schema]))[0].proconfig;
    expect(await searchPath()).toEqual(['search_path=pg_catalog, pg_temp']);
    await ds.undoLastMigration();
    expect(await searchPath()).toEqual(['search_path=pg_catalog']);
    await ds.undoLastMigration();
    expect(await fn()).toBe(0);
    await ds.undoLastMigration();
    expect(await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`, [schema])).toEqual([{ table_name: 'migrations' }]);
  });
});
