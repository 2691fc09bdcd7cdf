import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { EVENT_STORE_MIGRATIONS } from '@app/event-store';
import { ensureDatabase } from '../../scripts/stack/postgres';

/** Benchmarks write to a database of their own, never the app's or the tests'. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commerce_bench';

/** A schema with the event store's migrations; `migrations` limits how many run (1 = the bare table). */
export const benchSchema = async (prefix: string, migrations = EVENT_STORE_MIGRATIONS.length): Promise<string> => {
  await ensureDatabase(BENCH_DATABASE_URL);
  const schema = `${prefix}_${randomUUID().slice(0, 8)}`;
  const ds = new DataSource({ type: 'postgres', url: BENCH_DATABASE_URL, schema, migrations: EVENT_STORE_MIGRATIONS.slice(0, migrations), logging: false });
  await ds.initialize();
  await ds.query(`CREATE SCHEMA "${schema}"`);
  await ds.runMigrations();
  await ds.destroy();
  return schema;
};

export const dropSchemas = async (pool: Pool, schemas: string[]): Promise<void> => {
  for (const s of schemas) await pool.query(`DROP SCHEMA "${s}" CASCADE`);
};
