import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { APP_CONFIG, ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { EventStore, EventStoreModule } from '@app/event-store';
import { assertTestDatabase } from '../support/test-env';

assertTestDatabase();

/** Nothing waits on PostgreSQL forever: every connection an app opens carries its time budgets. */
describe('PostgreSQL timeouts', () => {
  it('applies the statement, lock and idle-in-transaction timeouts to the TypeORM and event store pools', async () => {
    const config = { ...loadConfig(), postgresTimeouts: { statementMs: 300, lockMs: 200, connectMs: 2000 } };
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule.forService({ schema: 'timeouts_e2e', migrations: [] }), EventStoreModule.forService({ schema: 'timeouts_e2e' })],
    })
      .overrideProvider(APP_CONFIG)
      .useValue(config)
      .compile();
    // Not init(): the event store's relay would start; its pool is what is checked here.
    const db = moduleRef.get(DataSource);
    const store = moduleRef.get(EventStore);
    try {
      for (const run of [(sql: string) => db.query(sql), async (sql: string) => (await store.pool.query(sql)).rows]) {
        const [settings] = await run(`SELECT current_setting('statement_timeout') AS s, current_setting('lock_timeout') AS l, current_setting('idle_in_transaction_session_timeout') AS i`);
        expect(settings).toEqual({ s: '300ms', l: '200ms', i: '1min' });
        await expect(run('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
      }
    } finally {
      await moduleRef.close(); // ends both pools
    }
  });
});
