import type { DataSource } from 'typeorm';

/**
 * The schema a service's DataSource is bound to (DatabaseModule always sets one). Migrations of
 * shared libs (event store, consumer runtime) create their tables there, qualified by name.
 */
export const schemaOf = (dataSource: DataSource): string => {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('this needs a DataSource with an explicit schema (see DatabaseModule.forService)');
  return schema;
};
