import type { PoolClient } from 'pg';
import { dropRetired, lockLiveTables, swapInSuccessors } from '@app/database';
import type { TableRebuildSpec } from './table-rebuild-spec';

/**
 * Attempts at the swap's locks: a live transaction holding one of the tables makes an attempt
 * wait out LOCK_WAIT; between attempts a pause of a few hundred ms (jittered) lets the live
 * consumer's transactions finish instead of meeting the next attempt.
 */
const SWAP_ATTEMPTS = 8;
const pause = () => new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 600));
const LOCK_WAIT = '2s';
/** Lock not available within LOCK_WAIT, or a deadlock PostgreSQL broke by failing the swap: try again. */
const RETRYABLE = new Set(['55P03', '40P01']);

/**
 * The swap's transaction: lock, rename, `finish` (the last pass, into the tables now live), drop
 * the old. A lock that does not come within LOCK_WAIT (a live transaction holds a table) rolls
 * back and tries again, up to SWAP_ATTEMPTS: waiting longer would hold up every query queued
 * behind the swap's lock request.
 */
export const swap = async (client: PoolClient, { schema, tables }: TableRebuildSpec, finish: () => Promise<void>): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
      await lockLiveTables(client, schema, tables);
      await swapInSuccessors(client, schema, tables);
      await finish();
      await dropRetired(client, schema, tables);
      await client.query('COMMIT');
      return;
    } catch (error) {
      // A failed ROLLBACK leaves the session unusable; the original error is the one to report.
      await client.query('ROLLBACK').catch(() => undefined);
      if (!RETRYABLE.has((error as { code?: string }).code ?? '') || attempt === SWAP_ATTEMPTS) throw error;
      await pause();
    }
  }
};
