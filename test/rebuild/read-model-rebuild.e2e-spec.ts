import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { loadConfig } from '@app/config';
import { codes, gql } from '../support/graphql-client';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

const RANK: Record<string, number> = { PENDING: 0, AWAITING_PAYMENT: 1, CONFIRMED: 2, CANCELLED: 2 };
const ORDER = `query O($id: ID!, $stream: String!) { order(id: $id) { id status totalCents payment { status } } events(streamId: $stream) { type } }`;
const JOBS = `{ systemStatus { rebuilds { id projection state processed total startedAt finishedAt } } }`;
type Job = { id: string; projection: string; state: string; processed: number; total: number | null; finishedAt: string | null };

/**
 * Issue 12, item 1: the PostgreSQL read model rebuilt blue/green through the real system, by the
 * admin's rebuildProjection (then by `npm run rebuild`), while a reader keeps querying orders and
 * their event history through the gateway and a customer keeps ordering. The reader must see no
 * error and nothing go backwards; afterwards the rebuilt rows equal what the live projections wrote.
 */
describe('read-model rebuild, blue/green', () => {
  const system = new System();
  const db = new Pool({ connectionString: loadConfig().databaseUrl, max: 2 });
  let url: string, admin: string, customer: string, sku: string;
  const orders: string[] = [];

  const placeOrder = async () => {
    const { data, errors } = await gql(url, `mutation C($i: CreateOrderInput!) { createOrder(input: $i) { orderId } }`, { i: { lines: [{ sku, quantity: 1 }], paymentToken: 'tok_visa' } }, customer);
    expect(errors).toBeUndefined();
    orders.push(data.createOrder.orderId);
  };
  const confirmedAll = () =>
    waitFor(`all ${orders.length} orders confirmed`, async () => {
      for (const id of orders) if ((await gql(url, ORDER, { id, stream: `order-${id}` }, customer)).data?.order?.status !== 'CONFIRMED') return false;
      return true;
    }, { timeoutMs: 90_000, intervalMs: 250 });
  /** This suite's orders as their rows stand (other suites' rows share the tables). */
  const rows = async () =>
    (await db.query(`SELECT o.id, o.user_id, o.status, o.lines, o.total_cents, o.created_at, o.updated_at, o.version, p.status AS paid, p.processed_at,
       (SELECT count(*) FROM read_model.event_log e WHERE e.stream_id = 'order-' || o.id) AS logged
       FROM read_model.order_view o LEFT JOIN read_model.payment_view p ON p.order_id = o.id WHERE o.id = ANY($1::uuid[]) ORDER BY o.id`, [orders])).rows;

  beforeAll(async () => {
    await system.start();
    url = system.gatewayUrl;
    admin = await waitFor('the seeded admin to log in', async () => (await gql(url, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`)).data?.login?.token as string | undefined);
    customer = (await gql(url, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token } }`, { i: { email: `rebuild-${randomUUID()}@example.test`, name: 'R', password: 'correct horse' } })).data.registerUser.token;
    sku = `SKU-${randomUUID().slice(0, 8)}`;
    expect((await gql(url, `mutation { addProduct(sku: "${sku}", name: "Kettle", priceCents: 700, initialStock: 500, consistency: PROJECTED) { version } }`, {}, admin)).errors).toBeUndefined();
    for (let i = 0; i < 10; i++) await placeOrder();
    await confirmedAll();
  }, 180_000);
  afterAll(async () => {
    await db.end();
    await system.stop();
  });

  it('is for admins only, and names the known read models when asked for another', async () => {
    const rebuild = `mutation { rebuildProjection(name: "read-model") { id } }`;
    expect(codes(await gql(url, rebuild))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(url, rebuild, {}, customer))).toEqual(['FORBIDDEN']);
    const unknown = await gql(url, `mutation { rebuildProjection(name: "nope") { id } }`, {}, admin);
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors?.[0].message).toContain('read-model');
  });

  it('rebuilds while queries keep answering, with no error and nothing going backwards', async () => {
    const seen = new Map<string, { rank: number; events: number }>();
    const problems: string[] = [];
    let [reads, stop] = [0, false];
    const reader = (async () => {
      while (!stop) {
        for (const id of [...orders]) {
          const { data, errors } = await gql(url, ORDER, { id, stream: `order-${id}` }, customer);
          reads++;
          if (errors) problems.push(`${id}: ${JSON.stringify(errors)}`);
          const before = seen.get(id);
          const now = { rank: data?.order ? RANK[data.order.status] : -1, events: data?.events?.length ?? 0 };
          if (before && (now.rank < before.rank || now.events < before.events)) problems.push(`${id} went back: ${JSON.stringify(before)} -> ${JSON.stringify(now)}`);
          if (now.rank >= 0) seen.set(id, { rank: Math.max(now.rank, before?.rank ?? -1), events: Math.max(now.events, before?.events ?? 0) });
        }
      }
    })();
    // One order at a time, each followed to CONFIRMED: a customer may have only so many open.
    const writer = (async () => {
      while (!stop) {
        await placeOrder();
        const id = orders.at(-1)!;
        await waitFor(`order ${id} confirmed`, async () => (await gql(url, ORDER, { id, stream: `order-${id}` }, customer)).data?.order?.status === 'CONFIRMED', { timeoutMs: 60_000 });
      }
    })();

    const { data, errors } = await gql(url, `mutation { rebuildProjection(name: "read-model") { id projection state processed startedAt finishedAt } }`, {}, admin);
    expect(errors).toBeUndefined();
    expect(data.rebuildProjection).toMatchObject({ projection: 'read-model', finishedAt: null });
    const job = await waitFor('the rebuild job to finish', async () => {
      const found = ((await gql(url, JOBS, {}, admin)).data?.systemStatus?.rebuilds as Job[] | undefined)?.find((j) => j.id === data.rebuildProjection.id);
      return found && ['DONE', 'FAILED'].includes(found.state) ? found : undefined;
    }, { timeoutMs: 120_000, intervalMs: 200 });
    // Some more reads of the swapped-in tables while orders keep coming.
    const after = reads;
    await waitFor('reads after the swap', () => reads > after + 2 * orders.length, { timeoutMs: 30_000 });
    stop = true;
    await Promise.all([reader, writer]);

    expect(job).toMatchObject({ state: 'DONE' });
    expect(job.processed).toBeGreaterThan(0);
    expect(job.total).toBe(job.processed);
    expect(orders.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    // Every order, including those placed during the rebuild, reaches CONFIRMED in the new tables.
    await confirmedAll();
    const { rows: left } = await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'read_model' AND (tablename LIKE '%\\_\\_next' OR tablename LIKE '%\\_\\_old')`);
    expect(left).toEqual([]);
  }, 240_000);

  it('npm run rebuild rebuilds the same rows the live projections wrote, and lists the job', async () => {
    await confirmedAll();
    const live = await waitFor('the event logs of every order complete', async () => {
      const r = await rows();
      return r.length === orders.length && r.every((o) => Number(o.logged) === 3 && o.paid === 'PROCESSED') ? r : undefined;
    });
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/rebuild/cli.ts', 'read-model'], { env: process.env });
    expect(stdout).toMatch(/read-model: \d+ events/);
    expect(stdout).toContain('read_model.order_view: rebuilt and swapped in');
    expect(await rows()).toEqual(live);
    const cliJob = stdout.match(/^job (\S+)/m)![1];
    const jobs = (await gql(url, JOBS, {}, admin)).data.systemStatus.rebuilds as Job[];
    expect(jobs.find((j) => j.id === cliJob)).toMatchObject({ projection: 'read-model', state: 'DONE' });
  }, 120_000);
});
