import type { ClientBase, Pool } from 'pg';

export const UNIQUE_VIOLATION = '23505';

/**
 * BEGIN ... COMMIT on one client of the event store's pool, so private rows commit or roll
 * back with the events appended through `tx`. ROLLBACK on any error, which is rethrown.
 */
export async function inTransaction<T>(pool: Pool, work: (tx: ClientBase) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A client that cannot even roll back is not given back to the pool.
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw err;
  } finally {
    client.release(broken);
  }
}
