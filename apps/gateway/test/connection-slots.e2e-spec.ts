import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@app/config';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { ConnectionSlots } from '../src/graphql/connection-slots';

assertTestDatabase();

/** Two gateway replicas' slot counters on the real database (each its own session). */
describe('websocket slots shared by gateway replicas', () => {
  const config = loadConfig();
  const a = new ConnectionSlots(config);
  const b = new ConnectionSlots(config);
  afterAll(async () => {
    await a.onModuleDestroy();
    await b.onModuleDestroy();
  });

  it('hands out each of a user\'s slots once across replicas, and again once released', async () => {
    const user = randomUUID();
    expect([await a.acquire(user, 3), await b.acquire(user, 3), await a.acquire(user, 3)]).toEqual([0, 1, 2]);
    expect([await a.acquire(user, 3), await b.acquire(user, 3)]).toEqual([undefined, undefined]);
    // Another user's slots are their own.
    expect(await b.acquire(randomUUID(), 3)).toBe(0);

    await a.release(user, 0);
    expect(await b.acquire(user, 3)).toBe(0);
    expect(await a.acquire(user, 3)).toBeUndefined();
  });

  it('gives two sockets opening at once on one replica different slots', async () => {
    const user = randomUUID();
    expect((await Promise.all([a.acquire(user, 2), a.acquire(user, 2), a.acquire(user, 2)])).sort()).toEqual([0, 1, undefined]);
  });

  it('frees the slots of a replica whose session ends (a crashed gateway leaves nothing counted)', async () => {
    const user = randomUUID();
    const dying = new ConnectionSlots(config);
    expect([await dying.acquire(user, 2), await dying.acquire(user, 2)]).toEqual([0, 1]);
    expect(await b.acquire(user, 2)).toBeUndefined();

    const admin = new Client({ connectionString: config.databaseUrl });
    await admin.connect();
    try {
      // The replica's process is gone, and its session with it (the server's view of a crash):
      // the session holding the user's slot 0 (an advisory lock, its 64-bit key in two halves).
      const { rows } = await admin.query(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_locks
         WHERE locktype = 'advisory' AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($1, 0)`,
        [`websocket:${user}`],
      );
      expect(rows).toEqual([{ ended: true }]);
    } finally {
      await admin.end();
    }
    await waitFor('the slot to be free for the other replica', async () => (await b.acquire(user, 2)) !== undefined, { timeoutMs: 10_000, intervalMs: 100 });
    await dying.onModuleDestroy();
  });
});
