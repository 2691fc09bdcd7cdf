import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { loadConfig, namespaced } from '@app/config';
import { TOPICS } from '@app/events';
import { rewindGroup, waitUntilCaughtUp } from '../support/consumer-group';
import { codes, gql } from '../support/graphql-client';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

/** The real analytics consumer's group (apps/consumers/src/analytics/analytics.consumer.ts). */
// This run's own group (its namespace is fresh per `npm test`): rewinding it touches no one else's.
const ANALYTICS_GROUP = namespaced('consumers.analytics');
const HOUR_MS = 3_600_000;

const REPORT = `query S($from: DateTime!, $to: DateTime!, $g: Granularity) {
  salesReport(from: $from, to: $to, granularity: $g) { periodStart orders confirmedOrders cancelledOrders revenueCents } }`;
const CREATE = `mutation C($input: CreateOrderInput!) { createOrder(input: $input) { orderId } }`;
const ADD = `mutation A($sku: ID!, $name: String!, $price: Int!, $stock: Int!) {
  addProduct(sku: $sku, name: $name, priceCents: $price, initialStock: $stock, consistency: PROJECTED) { version } }`;

type Point = { periodStart: string; orders: number; confirmedOrders: number; cancelledOrders: number; revenueCents: number };
type Totals = Omit<Point, 'periodStart'>;

const total = (points: Point[]): Totals =>
  points.reduce(
    (t, p) => ({ orders: t.orders + p.orders, confirmedOrders: t.confirmedOrders + p.confirmedOrders, cancelledOrders: t.cancelledOrders + p.cancelledOrders, revenueCents: t.revenueCents + p.revenueCents }),
    { orders: 0, confirmedOrders: 0, cancelledOrders: 0, revenueCents: 0 },
  );
const minus = (a: Totals, b: Totals): Totals => ({
  orders: a.orders - b.orders,
  confirmedOrders: a.confirmedOrders - b.confirmedOrders,
  cancelledOrders: a.cancelledOrders - b.cancelledOrders,
  revenueCents: a.revenueCents - b.revenueCents,
});

/**
 * Orders are created at server time, so the test cannot give them hours of their own: it reads
 * the report over the hours (and the day) it runs in before and after placing its orders, and
 * expects the difference to be exactly what it placed. Other suites on the same database place
 * orders too (at server time, or fake ones at "now"): one landing in between shows up in the
 * difference, so that test is retried with fresh orders; it fails only if that keeps happening.
 */
describe('salesReport end to end: orders placed, rolled up, reported, and the same after a replay', () => {
  const system = new System({ PAYMENT_DEADLINE_MS: '8000' });
  let url: string;
  let admin: string;
  let customer: string;
  let kafkaAdmin: Admin;
  const testStart = new Date();
  // [start of test, now + 1 h): the hour the test starts in and the next one, in case it crosses.
  const window = () => ({ from: testStart.toISOString(), to: new Date(Date.now() + HOUR_MS).toISOString() });

  const report = async (g: 'HOUR' | 'DAY', range = window()): Promise<Point[]> => {
    const r = await gql(url, REPORT, { ...range, g }, admin);
    expect(r.errors).toBeUndefined();
    return r.data.salesReport;
  };
  const product = async (stock: number, price: number) => {
    const sku = `SKU-${randomUUID().slice(0, 8)}`;
    expect((await gql(url, ADD, { sku, name: `Kettle ${sku}`, price, stock }, admin)).errors).toBeUndefined();
    return sku;
  };
  const order = async (sku: string, quantity: number, paymentToken: string) => {
    const r = await gql(url, CREATE, { input: { lines: [{ sku, quantity }], paymentToken } }, customer);
    expect(r.errors).toBeUndefined();
    return r.data.createOrder.orderId as string;
  };
  const final = (id: string) =>
    waitFor(`order ${id} to be confirmed or cancelled`, async () => {
      const o = (await gql(url, `query O($id: ID!) { order(id: $id) { status } }`, { id }, admin)).data?.order;
      return o && ['CONFIRMED', 'CANCELLED'].includes(o.status) ? o.status : undefined;
    }, { timeoutMs: 120000, intervalMs: 250 });

  beforeAll(async () => {
    await system.start();
    url = system.gatewayUrl;
    admin = await waitFor('the seeded admin to log in', async () => {
      const r = await gql(url, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`);
      return r.data?.login?.token as string | undefined;
    });
    const r = await gql(url, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token } }`, {
      i: { email: `sales-${randomUUID().slice(0, 8)}@example.test`, name: 'Sales Test', password: 'password-sales' },
    });
    customer = r.data.registerUser.token;
    kafkaAdmin = new Kafka({ clientId: `sales-report-e2e-${randomUUID().slice(0, 8)}`, brokers: loadConfig().kafka.brokers, logLevel: logLevel.NOTHING }).admin();
    await kafkaAdmin.connect();
  });
  afterAll(async () => {
    await kafkaAdmin?.disconnect();
    await system.stop();
  });

  /** The real analytics consumer has processed everything published so far. */
  const analyticsCaughtUp = async () => {
    const topics = (await kafkaAdmin.fetchOffsets({ groupId: ANALYTICS_GROUP })).map((t) => t.topic);
    await waitUntilCaughtUp(kafkaAdmin, ANALYTICS_GROUP, topics, { timeoutMs: 100_000 });
    return topics;
  };

  // These figures are global: the suite relies on running alone, as `npm test` runs suites one
  // at a time (--runInBand). No retries: a wrong count is a bug to see, not noise to absorb.

  it('counts exactly the orders the test placed, confirmed, declined and out of stock', async () => {
    // A backlog still being consumed would land between the two readings.
    await analyticsCaughtUp();
    const before = { hour: total(await report('HOUR')), day: total(await report('DAY')) };

    const sku = await product(10, 1250);
    const scarce = await product(1, 700);
    const placed = [
      await order(sku, 2, 'tok_visa'), // confirmed, 2500
      await order(sku, 1, 'tok_visa'), // confirmed, 1250
      await order(sku, 3, 'tok_visa'), // confirmed, 3750
      await order(sku, 1, 'tok_declined'), // PAYMENT_FAILED
      await order(sku, 2, 'tok_declined'), // PAYMENT_FAILED
      await order(scarce, 2, 'tok_visa'), // OUT_OF_STOCK
    ];
    const statuses = [];
    for (const id of placed) statuses.push(await final(id));
    expect(statuses).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);

    const expected: Totals = { orders: 6, confirmedOrders: 3, cancelledOrders: 3, revenueCents: 7500 };
    // The analytics consumer may lag the read model the order was just read from.
    await waitFor('the report to count the placed orders', async () => {
      const delta = minus(total(await report('HOUR')), before.hour);
      return delta.orders >= expected.orders && delta.confirmedOrders + delta.cancelledOrders >= expected.orders;
    }, { timeoutMs: 60000, intervalMs: 500 });
    const hourly = await report('HOUR');
    expect(minus(total(hourly), before.hour)).toEqual(expected);
    expect(minus(total(await report('DAY')), before.day)).toEqual(expected);
    for (const p of hourly) expect(new Date(p.periodStart).getTime() % HOUR_MS).toBe(0);
  });

  it('reports the same figures after the analytics consumer replays every topic it reads from the first offset', async () => {
    const topics = await analyticsCaughtUp();
    expect(topics).toEqual(expect.arrayContaining([TOPICS.orders, TOPICS.users]));
    // Every hour of the last 30 days, and the current ones, must come back identical.
    const hourStart = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS);
    const closed = { from: new Date(hourStart.getTime() - 30 * 24 * HOUR_MS).toISOString(), to: hourStart.toISOString() };
    const open = { from: hourStart.toISOString(), to: new Date(hourStart.getTime() + 2 * HOUR_MS).toISOString() };
    const [closedBefore, openBefore] = [await report('HOUR', closed), total(await report('HOUR', open))];

    await system.kill('consumers', 'SIGTERM');
    await rewindGroup(kafkaAdmin, ANALYTICS_GROUP, topics);
    await system.respawn('consumers');
    await waitUntilCaughtUp(kafkaAdmin, ANALYTICS_GROUP, topics, { timeoutMs: 100_000 });

    expect(await report('HOUR', closed)).toEqual(closedBefore);
    expect(total(await report('HOUR', open))).toEqual(openBefore);
  });

  it('answers only admins, and refuses an empty, reversed or overlong range on `to`', async () => {
    const { from, to } = window();
    expect(codes(await gql(url, REPORT, { from, to }, customer))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, REPORT, { from, to }))).toEqual(['UNAUTHENTICATED']);

    const refused = async (range: { from: string; to: string }, g?: string) => {
      const r = await gql(url, REPORT, { ...range, g }, admin);
      expect(r.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'to']]);
    };
    await refused({ from, to: from });
    await refused({ from: to, to: from });
    await refused({ from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:01Z' }, 'HOUR');
    await refused({ from: '2024-01-01T00:00:00Z', to: '2025-01-02T00:00:00Z' }, 'DAY');
    // The default granularity is DAY: a year and a day is too long, a year is not.
    await refused({ from: '2024-01-01T00:00:00Z', to: '2025-01-02T00:00:00Z' });
    expect((await gql(url, REPORT, { from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, admin)).errors).toBeUndefined();
  });
});
