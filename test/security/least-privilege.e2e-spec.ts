import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { SERVICE_ROLES } from '@app/database';
import { loadConfig } from '@app/config';
import { System } from '../support/system';

type App = keyof typeof SERVICE_ROLES;

/**
 * Issue 11, item 3: each app's PostgreSQL role has rights on its own schemas only, and the
 * gateway's reads the read models and writes nothing. Checked by logging in as each role (the
 * local server trusts 127.0.0.1, as the apps' own logins would be trusted with a password), after
 * the whole system ran its migrations and served an order under those roles.
 */
describe('least privilege in PostgreSQL: one role per app', () => {
  const system = new System();
  const sessions = new Map<App, Client>();

  const as = (app: App): Client => sessions.get(app)!;
  /** The SQLSTATE a statement fails with, or 'ok'. */
  const outcome = async (app: App, sql: string): Promise<string> => {
    await as(app).query('BEGIN');
    try {
      await as(app).query(sql);
      return 'ok';
    } catch (error) {
      return (error as { code: string }).code;
    } finally {
      // Nothing a test statement did stays.
      await as(app).query('ROLLBACK');
    }
  };

  beforeAll(async () => {
    await system.start();
    for (const [app, role] of Object.entries(SERVICE_ROLES) as [App, string][]) {
      const url = new URL(loadConfig().databaseUrl);
      url.username = role;
      url.password = '';
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      sessions.set(app, client);
    }
  });
  afterAll(async () => {
    for (const client of sessions.values()) await client.end();
    await system.stop();
  });

  it('logs each app in as its own role, which is not a superuser and cannot create schemas', async () => {
    for (const [app, role] of Object.entries(SERVICE_ROLES) as [App, string][]) {
      const { rows } = await as(app).query(`SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user`);
      expect(rows).toEqual([{ current_user: role, rolsuper: false }]);
      expect(await outcome(app, `CREATE SCHEMA intruder_${app}`)).toBe('42501');
    }
  });

  it('runs each app as its role, though the tests hand them the superuser login', () => {
    for (const [app, role] of Object.entries(SERVICE_ROLES) as [App, string][]) {
      const log = readFileSync(join(__dirname, '..', '..', '.stack', 'test-logs', `${app}.log`), 'utf8');
      const said = [...log.matchAll(/PostgreSQL: schema \w+, acting as role (\w+)/g)].map((m) => m[1]);
      // This run's start is the last line of its kind in the (appended) log.
      expect([app, said.at(-1)]).toEqual([app, role]);
    }
  });

  it('gives every table of a service schema to that service role, the migrations it ran included', async () => {
    const { rows } = await as('gateway').query(
      `SELECT schemaname, tablename, tableowner FROM pg_tables WHERE schemaname = ANY($1) AND tableowner <> CASE
         WHEN schemaname = 'users' THEN 'commerce_user' WHEN schemaname = 'orders' THEN 'commerce_order'
         WHEN schemaname = 'payments' THEN 'commerce_payment' ELSE 'commerce_consumers' END`,
      [['users', 'orders', 'payments', 'inventory', 'read_model', 'notifications', 'analytics']],
    );
    expect(rows).toEqual([]);
  });

  it.each([
    ['user', 'SELECT count(*) FROM users.credentials', 'SELECT count(*) FROM orders.events'],
    ['order', 'SELECT count(*) FROM orders.payment_tokens', 'SELECT count(*) FROM users.credentials'],
    ['payment', 'SELECT count(*) FROM payments.payments', 'SELECT count(*) FROM orders.payment_tokens'],
    ['consumers', 'SELECT count(*) FROM read_model.order_view', 'SELECT count(*) FROM payments.payments'],
  ] as [App, string, string][])('lets %s use its own schema and refuses it another service’s', async (app, own, other) => {
    expect(await outcome(app, own)).toBe('ok');
    expect(await outcome(app, other)).toBe('42501');
  });

  it('lets the gateway read the read models and nothing else, and write nowhere', async () => {
    for (const read of ['read_model.order_view', 'read_model.product_view', 'notifications.deliveries', 'analytics.fact_orders']) {
      expect([read, await outcome('gateway', `SELECT count(*) FROM ${read}`)]).toEqual([read, 'ok']);
    }
    for (const denied of ['users.credentials', 'orders.events', 'payments.payments', 'inventory.events']) {
      expect([denied, await outcome('gateway', `SELECT count(*) FROM ${denied}`)]).toEqual([denied, '42501']);
    }
    expect(await outcome('gateway', `UPDATE read_model.order_view SET status = 'CONFIRMED'`)).toBe('42501');
    expect(await outcome('gateway', `DELETE FROM notifications.deliveries`)).toBe('42501');
    expect(await outcome('gateway', `CREATE TABLE read_model.intruder (id int)`)).toBe('42501');
  });
});
