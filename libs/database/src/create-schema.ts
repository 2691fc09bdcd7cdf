/**
 * CREATE SCHEMA when it is missing. Not `CREATE SCHEMA IF NOT EXISTS`: PostgreSQL checks the
 * right to create schemas in the database before it looks for the schema, and a service's role
 * has no such right; its schemas are made for it (libs/database/sql/service-roles.sql).
 */
export async function createSchemaIfMissing(q: { query(sql: string, params?: unknown[]): Promise<unknown> }, schema: string): Promise<void> {
  const found = (await q.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])) as unknown[] | { rows: unknown[] };
  if ((Array.isArray(found) ? found : found.rows).length === 0) await q.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
}
