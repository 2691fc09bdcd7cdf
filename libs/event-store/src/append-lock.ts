/** SQLSTATE raised when a transaction declares its appends after it already wrote something. */
export const APPEND_LOCK_TOO_LATE = 'ES001';

/**
 * Declares, as the first statement of a transaction, that it may append to `schema`'s event
 * table. Why: the relay delivers a range of transaction ids once no transaction below the range's
 * end can still add events (read-all.ts). It learns which transactions can from the locks on the
 * event table, so a transaction must hold that lock from before it has a transaction id (its
 * first write) until it ends. A single append statement does so by itself (Postgres locks every
 * table of a statement before running it); a transaction that writes other rows before its
 * append must call this first. Called too late, it throws instead of risking a skipped event.
 */
/** A pg client or a TypeORM EntityManager inside the transaction. */
export interface StatementRunner {
  query(sql: string): Promise<unknown>;
}

export const lockForAppend = async (db: StatementRunner, schema: string): Promise<void> => {
  await db.query(`SELECT "${schema}"."lock_events_for_append"()`);
};
