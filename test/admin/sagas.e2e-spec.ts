import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { loadConfig } from '@app/config';
import { codes, gql } from '../support/graphql-client';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

type Saga = { orderId: string; state: string; deadline: string | null; updatedAt: string; history?: { type: string; streamId: string; recordedAt: string }[] };
const SAGA = `query S($id: ID!) { saga(orderId: $id) { orderId state deadline updatedAt history { type streamId version recordedAt } } }`;
const SAGAS = `query L($state: String, $overdue: Boolean, $first: Int, $after: String) { sagas(state: $state, overdue: $overdue, first: $first, after: $after) { orderId state deadline updatedAt } }`;

/**
 * Issue 12 (saga, sagas): the operator's view of the fulfilment sagas, through the real gateway
 * (as its own PostgreSQL role: it reaches the order service's saga table only through that
 * service's SECURITY DEFINER functions) over the real system. Confirmed orders placed here, and
 * one stalled saga the test writes into orders.order_sagas as an operator would find it.
 */
describe('saga and sagas', () => {
  const system = new System();
  const db = new Pool({ connectionString: loadConfig().databaseUrl, max: 2 });
  const stalled = randomUUID();
  let stallLock: PoolClient | undefined;
  let url: string, admin: string, customer: string;
  const confirmed: string[] = [];

  const saga = (id: string) => gql(url, SAGA, { id }, admin);
  const sagas = (vars: Record<string, unknown>) => gql(url, SAGAS, vars, admin);
  /** Pages through `sagas(vars)` until every one of `ids` was seen (or 30 pages): every page, in order. */
  const pagesUntil = async (vars: Record<string, unknown>, ids: string[]): Promise<Saga[][]> => {
    const pages: Saga[][] = [];
    let after: string | undefined;
    while (pages.length < 30 && !ids.every((id) => pages.flat().some((s) => s.orderId === id))) {
      const { data, errors } = await sagas({ ...vars, after });
      expect(errors).toBeUndefined();
      if (!data.sagas.length) break;
      pages.push(data.sagas);
      after = data.sagas.at(-1).orderId;
    }
    return pages;
  };

  /**
   * A saga past its deadline, awaiting inventory, row-locked so that no deadline scan (every test
   * system on this database scans this table) claims it and moves its deadline on: they skip
   * locked rows. One claimed before the lock was taken is written again. Deleted by afterAll.
   */
  const stallSaga = async (): Promise<PoolClient> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await db.query(
        `INSERT INTO orders.order_sagas (order_id, state, order_version, deadline_at, updated_at) VALUES ($1, 'PENDING', 1, now() - interval '1 minute', now())
         ON CONFLICT (order_id) DO UPDATE SET deadline_at = EXCLUDED.deadline_at`,
        [stalled],
      );
      const client = await db.connect();
      await client.query('BEGIN');
      const { rows } = await client.query(`SELECT deadline_at < now() AS overdue FROM orders.order_sagas WHERE order_id = $1 FOR UPDATE`, [stalled]);
      if (rows[0].overdue) return client;
      await client.query('ROLLBACK');
      client.release();
    }
    throw new Error('a deadline scan claimed the stalled saga five times running');
  };

  beforeAll(async () => {
    await system.start();
    url = system.gatewayUrl;
    admin = await waitFor('the seeded admin to log in', async () => (await gql(url, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`)).data?.login?.token as string | undefined);
    customer = (await gql(url, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token } }`, { i: { email: `sagas-${randomUUID()}@example.test`, name: 'C', password: 'correct horse' } })).data.registerUser.token;
    const sku = `SKU-${randomUUID().slice(0, 8)}`;
    expect((await gql(url, `mutation { addProduct(sku: "${sku}", name: "Kettle", priceCents: 900, initialStock: 10, consistency: PROJECTED) { version } }`, {}, admin)).errors).toBeUndefined();
    // One after the other: their sagas' creation order is then known.
    const input = { lines: [{ sku, quantity: 1 }], paymentToken: 'tok_visa' };
    for (let i = 0; i < 3; i++) confirmed.push((await gql(url, `mutation C($i: CreateOrderInput!) { createOrder(input: $i) { orderId } }`, { i: input }, customer)).data.createOrder.orderId);
    for (const id of confirmed) await waitFor(`the saga of ${id} to be confirmed`, async () => (await saga(id)).data?.saga?.state === 'CONFIRMED', { timeoutMs: 60000, intervalMs: 250 });
    stallLock = await stallSaga();
  });
  afterAll(async () => {
    await stallLock?.query('DELETE FROM orders.order_sagas WHERE order_id = $1', [stalled]).then(() => stallLock!.query('COMMIT'));
    stallLock?.release();
    await db.end();
    await system.stop();
  });

  it('is for admins only', async () => {
    for (const [query, vars] of [[SAGA, { id: confirmed[0] }], [SAGAS, {}]] as const) {
      expect(codes(await gql(url, query, vars))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await gql(url, query, vars, customer))).toEqual(['FORBIDDEN']);
    }
  });

  it("shows a confirmed order's saga: CONFIRMED, no deadline, and the events it handled in the order they were recorded", async () => {
    // The history comes from the event log, which the projections consumer writes a little later.
    const found = await waitFor('the OrderConfirmed event in the saga history', async () => {
      const s = (await saga(confirmed[0])).data?.saga as Saga | undefined;
      return s?.history?.some((e) => e.type === 'OrderConfirmed') ? s : undefined;
    });
    expect(found).toMatchObject({ orderId: confirmed[0], state: 'CONFIRMED', deadline: null });
    const steps = [['OrderCreated', 'order'], ['InventoryReserved', 'reservation'], ['PaymentProcessed', 'payment'], ['OrderConfirmed', 'order']];
    expect(found.history!.map((e) => [e.type, e.streamId.split('-')[0]])).toEqual(steps);
    const at = found.history!.map((e) => Date.parse(e.recordedAt));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('answers null for an order with no saga, and BAD_USER_INPUT for an id that is no UUID', async () => {
    expect(await saga(randomUUID())).toEqual({ data: { saga: null } });
    expect(codes(await saga('not-an-id'))).toEqual(['BAD_USER_INPUT']);
  });

  it('lists confirmed sagas under their state, and no other state there', async () => {
    const listed = (await pagesUntil({ state: 'CONFIRMED', first: 20 }, confirmed)).flat();
    expect(confirmed.every((id) => listed.some((s) => s.orderId === id))).toBe(true);
    expect(new Set(listed.map((s) => s.state))).toEqual(new Set(['CONFIRMED']));
  });

  it('lists a saga past its deadline and not finished under overdue, and only there', async () => {
    const one = (await saga(stalled)).data.saga as Saga;
    expect(one).toMatchObject({ orderId: stalled, state: 'AWAITING_INVENTORY', history: [] });
    expect(Date.parse(one.deadline!)).toBeLessThan(Date.now());
    const overdue = (await pagesUntil({ overdue: true, first: 20 }, [stalled])).flat();
    expect(overdue.find((s) => s.orderId === stalled)).toMatchObject({ state: 'AWAITING_INVENTORY' });
    expect(overdue.every((s) => ['AWAITING_INVENTORY', 'AWAITING_PAYMENT'].includes(s.state) && Date.parse(s.deadline!) < Date.now())).toBe(true);
    expect(overdue.some((s) => confirmed.includes(s.orderId))).toBe(false);
    // The newest saga of all, so the first page of the others would show it were it not overdue.
    expect(((await sagas({ overdue: false, first: 5 })).data.sagas as Saga[]).map((s) => s.orderId)).not.toContain(stalled);
    expect((await pagesUntil({ state: 'AWAITING_INVENTORY', overdue: true, first: 20 }, [stalled])).flat().map((s) => s.orderId)).toContain(stalled);
  });

  it('pages with first and after: disjoint pages, newest saga first, that together hold every one', async () => {
    const pages = await pagesUntil({ state: 'CONFIRMED', first: 2 }, confirmed);
    expect(pages.every((page) => page.length <= 2)).toBe(true);
    const ids = pages.flat().map((s) => s.orderId);
    expect(new Set(ids).size).toBe(ids.length);
    // Placed one after the other: listed newest first.
    expect(ids.filter((id) => confirmed.includes(id))).toEqual([...confirmed].reverse());
    expect(codes(await sagas({ after: randomUUID() }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await sagas({ first: 101 }))).toEqual(['BAD_USER_INPUT']);
  });
});
