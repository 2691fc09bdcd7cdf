import type { QueryRunner } from 'typeorm';
import { schemaOf } from '@app/database';

/**
 * Where an event store migration creates its objects: the schema given to the migration, else the
 * service's own (its DataSource's). TypeORM constructs migrations without arguments, so an app's
 * main store needs none; a second store in the same app is made by eventStoreMigrationIn.
 */
export const storeSchema = (q: QueryRunner, schema?: string): string => schema ?? schemaOf(q.connection);
