import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { loadConfig } from '@app/config';
import { gql } from '../support/graphql-client';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

const JOBS = `{ systemStatus { rebuilds { id projection state processed total } } }`;

/**
 * Issue 12, item 1, the analytics warehouse: rebuilt blue/green by `npm run rebuild -- analytics`
 * (then by the admin's rebuildProjection) against the real system. The facts of this suite's
 * orders come back as the live consumer wrote them, and every rollup row equals what its facts
 * say (the live recompute's rule), while salesReport keeps answering.
 */
describe('analytics rebuild, blue/green', () => {
  const system = new System();
  const db = new Pool({ connectionString: loadConfig().databaseUrl, max: 2 });
  let url: string, admin: string;
  const orders: string[] = [];
  const facts = async () =>
    (await db.query(`SELECT order_id, user_id, created_at, status, total_cents, confirmed_at, cancelled_at, cancellation_reason, version FROM analytics.fact_orders WHERE order_id = ANY($1::uuid[]) ORDER BY order_id`, [orders])).rows;
  /** Rollup rows that disagree with their facts (hours) or their hours (days). */
  const drift = async () =>
    (
      await db.query(`
        SELECT 'hour ' || h.hour AS bucket FROM analytics.sales_hourly h
        LEFT JOIN (SELECT date_trunc('hour', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour, count(*) AS n,
                          coalesce(sum(total_cents) FILTER (WHERE status = 'CONFIRMED'), 0) AS revenue FROM analytics.fact_orders GROUP BY 1) f ON f.hour = h.hour
        WHERE h.orders <> coalesce(f.n, 0) OR h.revenue_cents <> coalesce(f.revenue, 0)
        UNION ALL
        SELECT 'day ' || d.day FROM analytics.sales_daily d
        LEFT JOIN (SELECT (hour AT TIME ZONE 'UTC')::date AS day, sum(orders) AS n FROM analytics.sales_hourly GROUP BY 1) h ON h.day = d.day
        WHERE d.orders <> coalesce(h.n, 0)`)
    ).rows;
  const report = () => gql(url, `query R($from: DateTime!, $to: DateTime!) { salesReport(from: $from, to: $to) { orders revenueCents } }`, { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() }, admin);

  beforeAll(async () => {
    await system.start();
    url = system.gatewayUrl;
    admin = await waitFor('the seeded admin to log in', async () => (await gql(url, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`)).data?.login?.token as string | undefined);
    const customer = (await gql(url, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token } }`, { i: { email: `warehouse-${randomUUID()}@example.test`, name: 'W', password: 'correct horse' } })).data.registerUser.token;
    const sku = `SKU-${randomUUID().slice(0, 8)}`;
    expect((await gql(url, `mutation { addProduct(sku: "${sku}", name: "Kettle", priceCents: 900, initialStock: 10, consistency: PROJECTED) { version } }`, {}, admin)).errors).toBeUndefined();
    for (let i = 0; i < 3; i++) {
      const created = await gql(url, `mutation C($i: CreateOrderInput!) { createOrder(input: $i) { orderId } }`, { i: { lines: [{ sku, quantity: 1 + i }], paymentToken: 'tok_visa' } }, customer);
      orders.push(created.data.createOrder.orderId);
    }
  }, 120_000);
  afterAll(async () => {
    await db.end();
    await system.stop();
  });

  it('npm run rebuild -- analytics: the same facts, rollups equal to their facts, reports answering throughout', async () => {
    const live = await waitFor('the warehouse to hold the orders as confirmed', async () => {
      const rows = await facts();
      return rows.length === orders.length && rows.every((r) => r.status === 'CONFIRMED') ? rows : undefined;
    }, { timeoutMs: 60_000, intervalMs: 250 });
    let [stop, answers] = [false, 0];
    const errors: unknown[] = [];
    const reader = (async () => {
      while (!stop) {
        const r = await report();
        answers++;
        if (r.errors) errors.push(r.errors);
      }
    })();
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/rebuild/cli.ts', 'analytics'], { env: process.env });
    stop = true;
    await reader;
    expect(stdout).toContain('analytics.sales_hourly: rebuilt and swapped in');
    expect(errors).toEqual([]);
    expect(answers).toBeGreaterThan(0);
    expect(await facts()).toEqual(live);
    expect(await drift()).toEqual([]);
  }, 120_000);

  it("rebuildProjection(name: \"analytics\") runs the same as a job systemStatus lists", async () => {
    const { data, errors } = await gql(url, `mutation { rebuildProjection(name: "analytics") { id projection } }`, {}, admin);
    expect(errors).toBeUndefined();
    const job = await waitFor('the analytics job to finish', async () => {
      const found = (((await gql(url, JOBS, {}, admin)).data?.systemStatus?.rebuilds ?? []) as { id: string; state: string; processed: number; total: number }[]).find((j) => j.id === data.rebuildProjection.id);
      return found && ['DONE', 'FAILED'].includes(found.state) ? found : undefined;
    }, { timeoutMs: 60_000, intervalMs: 200 });
    expect(job).toMatchObject({ state: 'DONE' });
    expect(job.processed).toBeGreaterThan(0);
    expect(await drift()).toEqual([]);
  }, 90_000);
});
