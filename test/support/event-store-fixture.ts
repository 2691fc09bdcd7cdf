import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import type { EventRegistry } from '@app/events';
import { EVENT_STORE_MIGRATIONS, EventStore } from '@app/event-store';
import { assertTestDatabase } from './test-env';

export interface StoreFixture {
  schema: string;
  pool: Pool;
  store: EventStore;
  close(): Promise<void>;
}

/** A fresh event store in a schema of its own (migrated like a service's), dropped by close(). */
export const createStoreFixture = async (registry: EventRegistry, poolSize = 20): Promise<StoreFixture> => {
  assertTestDatabase();
  const { databaseUrl } = loadConfig();
  const schema = `es_test_${randomUUID().slice(0, 8)}`;
  const ds = new DataSource({ type: 'postgres', url: databaseUrl, schema, migrations: EVENT_STORE_MIGRATIONS, logging: false });
  await ds.initialize();
  await ds.query(`CREATE SCHEMA "${schema}"`);
  await ds.runMigrations();
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  return {
    schema,
    pool,
    store: new EventStore(pool, schema, registry),
    async close() {
      await pool.end();
      await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
      await ds.destroy();
    },
  };
};
