import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { EVENT_STORE_MIGRATIONS } from '@app/event-store';
import { assertTestDatabase } from '../support/test-env';

const { databaseUrl } = loadConfig();

describe('TypeORM migrations on PostgreSQL', () => {
  const schema = `migration_test_${randomUUID().slice(0, 8)}`;
  let ds: DataSource;

  beforeAll(async () => {
    assertTestDatabase();
    ds = new DataSource({ type: 'postgres', url: databaseUrl, schema, migrations: EVENT_STORE_MIGRATIONS, migrationsTableName: 'migrations', logging: false });
    await ds.initialize();
    await ds.query(`CREATE SCHEMA "${schema}"`);
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await ds.destroy();
  });

  const tables = async (): Promise<string[]> =>
    (await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`, [schema])).map((r: { table_name: string }) => r.table_name);

  it('creates the event store in the service schema, enforces one event per stream version, and reverts', async () => {
    const applied = await ds.runMigrations({ transaction: 'all' });
    expect(applied.map((m) => m.name)).toEqual(['CreateEventStore1764115200000', 'IdempotencyAndNotify1764115300000', 'AppendLock1795000000000', 'RelayParked1795300000000', 'RelayStatus1795600000000', 'EventsReadableByReadSide1795900000000', 'RelayStatusSearchPath1795900000002']);
    expect(await tables()).toEqual(['events', 'idempotency_keys', 'migrations', 'relay_checkpoints', 'relay_parked']);

    const insert = (version: number) =>
      ds.query(`INSERT INTO "${schema}".events (stream_id, stream_version, event_id, event_type, schema_version, payload, metadata)
                VALUES ('order-1', $1, $2, 'OrderCreated', 1, '{}', '{}')`, [version, randomUUID()]);
    await insert(1);
    await expect(insert(1)).rejects.toMatchObject({ code: '23505' });
    const [row] = await ds.query(`SELECT transaction_id::text AS tx FROM "${schema}".events`);
    expect(Number(row.tx)).toBeGreaterThan(0);

    expect(await ds.runMigrations()).toEqual([]);
    const fn = async (name: string) => (await ds.query(`SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = $2`, [schema, name])).length;
    const lockFunction = () => fn('lock_events_for_append');
    expect(await lockFunction()).toBe(1);
    // The relay's status, for /metrics and systemStatus: nothing to publish yet but the row above.
    expect(await ds.query(`SELECT events, leader FROM "${schema}".relay_status('kafka')`)).toEqual([{ events: 1, leader: null }]);
    // SECURITY DEFINER: the caller's temporary schema searched last, never first.
    const searchPath = async () => (await ds.query(`SELECT p.proconfig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = 'relay_status'`, [schema]))[0].proconfig;
    expect(await searchPath()).toEqual(['search_path=pg_catalog, pg_temp']);
    // The read side (the consumers' role) may read the events, and nothing else of the store.
    const readable = async (table: string) => (await ds.query(`SELECT has_table_privilege('commerce_consumers', $1, 'SELECT') AS ok`, [`"${schema}".${table}`]))[0].ok;
    expect([await readable('events'), await readable('idempotency_keys')]).toEqual([true, false]);
    await ds.undoLastMigration();
    expect(await searchPath()).toEqual(['search_path=pg_catalog']);
    await ds.undoLastMigration();
    expect(await readable('events')).toBe(false);
    await ds.undoLastMigration();
    expect(await fn('relay_status')).toBe(0);
    await ds.undoLastMigration();
    expect(await tables()).toEqual(['events', 'idempotency_keys', 'migrations', 'relay_checkpoints']);
    await ds.undoLastMigration();
    expect(await lockFunction()).toBe(0);
    await ds.undoLastMigration();
    expect(await tables()).toEqual(['events', 'migrations', 'relay_checkpoints']);
    await ds.undoLastMigration();
    expect(await tables()).toEqual(['migrations']);
  });
});
