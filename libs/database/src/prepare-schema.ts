import type { DataSource } from 'typeorm';
import { createSchemaIfMissing } from './create-schema';

/**
 * Creates the service's schema, then runs its migrations. TypeORM puts its migrations table in
 * `schema` but never creates the schema itself, hence this step instead of `migrationsRun`.
 * Replicas may boot at once: an advisory lock makes one of them create the schema and migrate.
 */
export async function prepareSchema(dataSource: DataSource, schema: string): Promise<DataSource> {
  const key = `migrations:${schema}`;
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    await createSchemaIfMissing(lock, schema);
    await dataSource.runMigrations({ transaction: 'all' });
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    await lock.release();
    return dataSource;
  } catch (error) {
    // Closing the pool also ends the session that holds the lock.
    await lock.release();
    await dataSource.destroy();
    throw error;
  }
}
