/**
 * CREATE SCHEMA when it is missing. Not `CREATE SCHEMA IF NOT EXISTS`: PostgreSQL checks the
 * right to create schemas in the database before it looks for the schema, and a service's role
 * has no such right; its schemas are made for it (libs/database/sql/service-roles.sql).
 */
export async function createSchemaIfMissing(q: { query(sql: string): Promise<unknown> }, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  await q.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '${schema}') THEN CREATE SCHEMA "${schema}"; END IF;
  END $$`);
}
