import type { QueryRunner } from 'typeorm';

/** Event store tables live in the schema of the service's DataSource; there must be one. */
export const schemaOf = (q: QueryRunner): string => {
  const schema = (q.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('the event store needs a DataSource with an explicit schema');
  return schema;
};
