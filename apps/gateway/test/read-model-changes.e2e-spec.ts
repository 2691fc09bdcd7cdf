import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig, loadConfig } from '@app/config';
import { READ_MODEL_CHANGES_CHANNEL } from '@app/read-model';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { UserViewReader } from '../src/users/user-view.reader';
import { type ScratchGateway, startScratchGateway } from './support/scratch-gateway';

assertTestDatabase();

/** Read-your-writes by announcement: the views NOTIFY their committed changes, readers wake on them. */
describe('read model change announcements', () => {
  let gateway: ScratchGateway;
  let db: Client;
  const heard: string[] = [];

  beforeAll(async () => {
    gateway = await startScratchGateway(loadConfig(), async () => undefined);
    db = new Client({ connectionString: gateway.app.get<AppConfig>(APP_CONFIG).databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await gateway?.close();
  });

  const insertUser = (id: string, q: Pick<Client, 'query'> = db) =>
    q.query(`INSERT INTO read_model.user_view (id, email, name, role, registered_at, version) VALUES ($1, $2, 'Ann', 'CUSTOMER', now(), 1)`, [id, `${id}@example.com`]);

  it('a committed change announces <view>:<key>; a rolled-back one announces nothing', async () => {
    const listener = new Client({ connectionString: gateway.app.get<AppConfig>(APP_CONFIG).databaseUrl });
    await listener.connect();
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    await listener.query(`LISTEN "${READ_MODEL_CHANGES_CHANNEL}"`);
    try {
      const rolledBack = randomUUID();
      await db.query('BEGIN');
      await insertUser(rolledBack);
      await db.query('ROLLBACK');
      const committed = randomUUID();
      await insertUser(committed);
      const sku = `SKU-${randomUUID().slice(0, 8)}`;
      await db.query(`INSERT INTO read_model.product_view (sku, name, price_cents, available, reserved, version, updated_at) VALUES ($1, 'P', 100, 1, 0, 1, now())`, [sku]);
      await waitFor('both announcements', () => heard.includes(`user_view:${committed}`) && heard.includes(`product_view:${sku}`), { timeoutMs: 10000, intervalMs: 20 });
      // Notifications arrive in commit order: the rollback came first, so it would be here by now.
      expect(heard).not.toContain(`user_view:${rolledBack}`);
    } finally {
      await listener.end();
    }
  });

  it('a reader waiting for a row gets it once the projection writes it, and null at its deadline otherwise', async () => {
    const reader = gateway.app.get(UserViewReader);
    const id = randomUUID();
    const waiting = reader.waitForUser(id, 30000);
    await insertUser(id);
    await expect(waiting).resolves.toMatchObject({ id, email: `${id}@example.com` });
    await expect(reader.waitForUser(randomUUID(), 300)).resolves.toBeNull();
  });
});
