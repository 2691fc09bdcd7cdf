import type { DataSource } from 'typeorm';

/**
 * The schemas holding a function of this name that the gateway's role may execute: how the admin
 * readers find another service's SECURITY DEFINER functions (relay_status, saga_states,
 * processed_events_of) without naming that service's schema or reading its tables.
 */
export const schemasGranting = async (dataSource: DataSource, functionName: string): Promise<string[]> => {
  const rows: { schema: string }[] = await dataSource.query(
    `SELECT n.nspname AS schema FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE p.proname = $1 AND has_function_privilege(p.oid, 'EXECUTE') ORDER BY 1`,
    [functionName],
  );
  return rows.map((row) => row.schema);
};

/** Undefined schema or function: dropped since the catalog was read (a test's scratch schema), nothing of it to report. */
const GONE = new Set(['3F000', '42883']);

export const droppedMeanwhile = (error: unknown): boolean => GONE.has((error as { code?: string } | null)?.code ?? '');
