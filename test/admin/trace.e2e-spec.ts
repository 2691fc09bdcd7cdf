import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Pool } from 'pg';
import { loadConfig } from '@app/config';
import { codes, gql } from '../support/graphql-client';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

type Node = { id: string; kind: string; name: string; service: string; causationId: string | null; at: string; latencyMs: number | null };
type Trace = { correlationId: string; nodes: Node[]; totalMs: number };

const TRACE = `query T($id: ID!) { trace(correlationId: $id) { correlationId totalMs nodes { id kind name service causationId at latencyMs } } }`;
const SAMPLE_FILE = '/tmp/trace-sample.txt';

/**
 * The services whose consumers take each aggregate's events (their topics): a trace is complete
 * once every one of them has applied every event. The order saga's groups show as service order.
 */
const CONSUMERS_OF: Record<string, string[]> = {
  order: ['projections', 'search', 'analytics', 'inventory', 'notifications', 'order'],
  reservation: ['projections', 'search', 'order'],
  payment: ['projections', 'notifications', 'order'],
};

/**
 * The trace as a tree, for the closing note: each node under its cause, its effects before its
 * further causes, each in time order (the API lists nodes by time alone), with its offset from the
 * first node and its latency.
 */
const table = (trace: Trace): string => {
  const t0 = Date.parse(trace.nodes[0].at);
  const ids = new Set(trace.nodes.map((n) => n.id));
  const lines: string[] = [];
  const print = (n: Node, depth: number): void => {
    const latency = n.latencyMs === null ? '' : `+${n.latencyMs} ms`;
    lines.push([`${String(Date.parse(n.at) - t0).padStart(5)} ms`, n.kind.padEnd(7), `${'  '.repeat(depth)}${n.name}`.padEnd(42), n.service.padEnd(14), latency].join('  ').trimEnd());
    const children = trace.nodes.filter((c) => c.causationId === n.id);
    // Its own effects first, then what it caused further down: each event's effects stay beside it.
    const leaf = (c: Node) => !trace.nodes.some((x) => x.causationId === c.id);
    for (const child of [...children.filter(leaf), ...children.filter((c) => !leaf(c))]) print(child, depth + 1);
  };
  for (const root of trace.nodes.filter((n) => !n.causationId || !ids.has(n.causationId))) print(root, 0);
  return [`trace(correlationId: "${trace.correlationId}"): ${trace.nodes.length} nodes, totalMs ${trace.totalMs}`, `   at     kind     name${' '.repeat(38)}service         latency (since its cause)`, ...lines].join('\n');
};

/**
 * Issue 12, item 3: `trace(correlationId)` through the real gateway (as its own PostgreSQL role:
 * it reads the consumers' processed_events only through their SECURITY DEFINER functions) over the
 * real system. A confirmed order's whole causation tree: command, events in four services, the
 * saga's payment command, and what every consumer applied, down to the email sent.
 */
describe('trace', () => {
  const system = new System();
  const db = new Pool({ connectionString: loadConfig().databaseUrl, max: 2 });
  let url: string, admin: string, customer: string, orderId: string, correlationId: string;

  const trace = (id: string, token = admin) => gql(url, TRACE, { id }, token);

  beforeAll(async () => {
    await system.start();
    url = system.gatewayUrl;
    admin = await waitFor('the seeded admin to log in', async () => (await gql(url, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`)).data?.login?.token as string | undefined);
    customer = (await gql(url, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token } }`, { i: { email: `trace-${randomUUID()}@example.test`, name: 'Tracy', password: 'correct horse' } })).data.registerUser.token;
    const sku = `TRACE-${randomUUID().slice(0, 8)}`;
    expect((await gql(url, `mutation { addProduct(sku: "${sku}", name: "Teapot", priceCents: 1250, initialStock: 5, consistency: PROJECTED) { version } }`, {}, admin)).errors).toBeUndefined();
    const created = await gql(url, `mutation C($i: CreateOrderInput!) { createOrder(input: $i) { orderId } }`, { i: { lines: [{ sku, quantity: 2 }], paymentToken: 'tok_visa' } }, customer);
    expect(created.errors).toBeUndefined();
    orderId = created.data.createOrder.orderId;
    await waitFor(`order ${orderId} to be confirmed`, async () => (await gql(url, `query O($id: ID!) { order(id: $id) { status } }`, { id: orderId }, admin)).data?.order?.status === 'CONFIRMED', { timeoutMs: 60000, intervalMs: 250 });
    // What a client knows of the flow: the correlation its OrderCreated carries (the createOrder command's id).
    const events = (await gql(url, `query E($s: String!) { events(streamId: $s) { type metadata } }`, { s: `order-${orderId}` }, admin)).data.events as { type: string; metadata: { correlationId: string } }[];
    correlationId = events.find((e) => e.type === 'OrderCreated')!.metadata.correlationId;
  });
  afterAll(async () => {
    await db.end();
    await system.stop();
  });

  it('is for admins only', async () => {
    expect(codes(await gql(url, TRACE, { id: correlationId }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await trace(correlationId, customer))).toEqual(['FORBIDDEN']);
  });

  it('answers a correlation nothing is known of with an empty trace, and an empty id with BAD_USER_INPUT', async () => {
    const unknown = randomUUID();
    expect(await trace(unknown)).toEqual({ data: { trace: { correlationId: unknown, nodes: [], totalMs: 0 } } });
    expect(codes(await trace(''))).toEqual(['BAD_USER_INPUT']);
  });

  it("shows a confirmed order's causation tree: command, events, the saga's payment command, every consumer's effects and the email", async () => {
    const complete = (t: Trace | undefined): Trace | undefined => {
      if (!t?.nodes.some((n) => n.name === 'ORDER_CONFIRMED email sent') || !t.nodes.some((n) => n.name === 'InventoryCommitted')) return undefined;
      const events = t.nodes.filter((n) => n.kind === 'EVENT');
      const appliedBy = (e: Node) => new Set(t.nodes.filter((n) => n.kind === 'EFFECT' && n.causationId === e.id).map((n) => n.service));
      const aggregate = (e: Node) => (e.name.startsWith('Order') ? 'order' : e.name.startsWith('Payment') ? 'payment' : 'reservation');
      return events.every((e) => CONSUMERS_OF[aggregate(e)].every((service) => appliedBy(e).has(service))) ? t : undefined;
    };
    const found = await waitFor('the whole trace of the order', async () => complete((await trace(correlationId)).data?.trace), { timeoutMs: 60000, intervalMs: 500 });
    const sample = table(found);
    console.log(sample);
    writeFileSync(SAMPLE_FILE, `${sample}\n`);

    expect(found.correlationId).toBe(correlationId);
    const byId = new Map(found.nodes.map((n) => [n.id, n]));
    expect(byId.size).toBe(found.nodes.length);
    // One tree: a single root, the createOrder command, and every other node under a node of the trace.
    expect(found.nodes.filter((n) => n.causationId === null)).toEqual([expect.objectContaining({ id: correlationId, kind: 'COMMAND', name: 'CreateOrder', service: 'order', latencyMs: null })]);
    for (const n of found.nodes.filter((n) => n.causationId !== null)) expect([n.name, byId.has(n.causationId!)]).toEqual([n.name, true]);

    const one = (kind: string, name: string): Node => {
      const all = found.nodes.filter((n) => n.kind === kind && n.name === name);
      expect([kind, name, all.length]).toEqual([kind, name, 1]);
      return all[0];
    };
    const causeOf = (n: Node) => byId.get(n.causationId!)!;
    const created = one('EVENT', 'OrderCreated');
    const reserved = one('EVENT', 'InventoryReserved');
    const pay = one('COMMAND', 'ProcessPayment');
    const paid = one('EVENT', 'PaymentProcessed');
    const confirmed = one('EVENT', 'OrderConfirmed');
    const email = one('EFFECT', 'ORDER_CONFIRMED email');
    expect([created, reserved, pay, paid, confirmed].map((n) => [n.name, n.service, causeOf(n).name])).toEqual([
      ['OrderCreated', 'order', 'CreateOrder'],
      ['InventoryReserved', 'inventory', 'OrderCreated'],
      ['ProcessPayment', 'payment', 'InventoryReserved'],
      ['PaymentProcessed', 'payment', 'ProcessPayment'],
      ['OrderConfirmed', 'order', 'PaymentProcessed'],
    ]);
    expect(causeOf(one('EVENT', 'OrderAwaitingPayment'))).toBe(reserved);
    expect(causeOf(one('EVENT', 'InventoryCommitted'))).toBe(confirmed);
    // What the consumers applied, named after what they keep.
    const effect = (cause: Node, name: string) => found.nodes.find((n) => n.kind === 'EFFECT' && n.causationId === cause.id && n.name === name);
    expect(effect(created, 'order_view')).toMatchObject({ service: 'projections' });
    expect(effect(created, 'orders index')).toMatchObject({ service: 'search' });
    expect(effect(created, 'reservations')).toMatchObject({ service: 'inventory' });
    expect(effect(paid, 'payment_view')).toMatchObject({ service: 'projections' });
    expect(effect(reserved, 'order saga')).toMatchObject({ service: 'order' });
    expect(causeOf(email)).toBe(confirmed);
    expect(effect(email, 'ORDER_CONFIRMED email sent')).toMatchObject({ service: 'notifications' });

    // Time: in order, a cause before its effects, each latency measured from its cause.
    const at = found.nodes.map((n) => Date.parse(n.at));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    const position = new Map(found.nodes.map((n, i) => [n.id, i]));
    for (const n of found.nodes.filter((n) => n.causationId)) {
      expect([n.name, position.get(n.causationId!)! < position.get(n.id)!]).toEqual([n.name, true]);
      expect([n.name, n.latencyMs]).toEqual([n.name, Date.parse(n.at) - Date.parse(causeOf(n).at)]);
      expect([n.name, n.latencyMs! >= 0]).toEqual([n.name, true]);
    }
    expect(found.totalMs).toBe(at.at(-1)! - at[0]);
    expect(found.totalMs).toBeGreaterThan(0);
  });

  it("reaches the consumers' records through their functions only: the gateway's role may not read the tables", async () => {
    const client = await db.connect();
    try {
      for (const schema of ['inventory', 'orders']) {
        await client.query('BEGIN');
        await client.query('SET LOCAL ROLE commerce_gateway');
        await expect(client.query(`SELECT count(*) FROM "${schema}".processed_events`)).rejects.toMatchObject({ code: '42501' });
        await client.query('ROLLBACK');
      }
    } finally {
      client.release();
    }
  });
});
