import { randomUUID } from 'node:crypto';
import { NAMESPACE } from '@app/config';
import { TOPICS } from '@app/events';
import { COMMANDS } from '@app/commands';
import { gql } from '../support/graphql-client';
import { ALL_APPS, type AppName, System } from '../support/system';
import { waitFor } from '../support/wait-for';

/** The value of the first sample of `metric` whose labels include `labels`, as Prometheus' text format gives it. */
const sampleOf = (text: string, metric: string, labels: Record<string, string> = {}): number | undefined => {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`) && !line.startsWith(`${metric} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
};

/**
 * Issue 12, item 2 (in part): every app serves /metrics in Prometheus' text format, scraped here
 * as Prometheus would after one order went through the whole system.
 */
describe('every app serves its metrics', () => {
  const system = new System();
  const scrape = async (app: AppName) => {
    const res = await fetch(`${system.appUrl(app)}/metrics`);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/plain; version=0.0.4; charset=utf-8']);
    return res.text();
  };

  beforeAll(async () => {
    await system.start();
    const url = system.gatewayUrl;
    const admin = await waitFor('the seeded admin to log in', async () => (await gql(url, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`)).data?.login?.token as string | undefined);
    const sku = `MET-${randomUUID().slice(0, 8)}`;
    expect((await gql(url, `mutation { addProduct(sku: "${sku}", name: "Metered", priceCents: 300, initialStock: 2, consistency: PROJECTED) { version } }`, {}, admin)).errors).toBeUndefined();
    const token = (await gql(url, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token } }`, { i: { email: `metrics-${randomUUID()}@example.test`, name: 'Met', password: 'correct horse' } })).data.registerUser.token as string;
    const orderId = (await gql(url, `mutation { createOrder(input: { lines: [{ sku: "${sku}", quantity: 1 }], paymentToken: "tok_visa" }) { orderId } }`, {}, token)).data.createOrder.orderId as string;
    await waitFor('the order to be confirmed', async () => (await gql(url, `query O($id: ID!) { order(id: $id) { status } }`, { id: orderId }, token)).data?.order?.status === 'CONFIRMED', { timeoutMs: 60_000, intervalMs: 250 });
    // An error the client sees, for the error counter.
    expect((await gql(url, `mutation { createOrder(input: { lines: [{ sku: "${sku}", quantity: 1 }], paymentToken: "tok_visa" }) { orderId } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
  afterAll(() => system.stop());

  it.each(ALL_APPS)('%s reports its process (CPU, memory, event loop)', async (app) => {
    const text = await scrape(app);
    for (const metric of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds']) expect([metric, sampleOf(text, metric)]).toEqual([metric, expect.any(Number)]);
  });

  it('gateway: GraphQL operations by root field, errors by code, command round trips by outcome', async () => {
    const text = await scrape('gateway');
    expect(sampleOf(text, 'commerce_graphql_operation_seconds_count', { type: 'mutation', field: 'createOrder' })).toBeGreaterThanOrEqual(1);
    expect(sampleOf(text, 'commerce_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
    expect(sampleOf(text, 'commerce_command_round_trip_seconds_count', { command: COMMANDS.createOrder, outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  it('consumers: handler durations per group and event type, batch sizes, lag per partition', async () => {
    const group = `${NAMESPACE}.consumers.projections`;
    const text = await waitFor('the projection of OrderConfirmed to be timed', async () => {
      const t = await scrape('consumers');
      return (sampleOf(t, 'commerce_consumer_handler_seconds_count', { group, event_type: 'OrderConfirmed' }) ?? 0) >= 1 ? t : undefined;
    });
    expect(sampleOf(text, 'commerce_consumer_batch_size_count', { group })).toBeGreaterThanOrEqual(1);
    expect(sampleOf(text, 'commerce_consumer_lag_messages', { group, topic: TOPICS.orders })).toBe(0);
  });

  it.each([
    ['order', 'orders'],
    ['user', 'users'],
    ['payment', 'payments'],
    ['consumers', 'inventory'],
  ] as [AppName, string][])('%s: how far its relay is behind (schema %s), in events and seconds', async (app, schema) => {
    await waitFor(`the ${schema} relay to have published everything`, async () => {
      const text = await scrape(app);
      return sampleOf(text, 'commerce_relay_lag_events', { schema }) === 0 && sampleOf(text, 'commerce_relay_lag_seconds', { schema }) === 0;
    });
  });

  it('order: sagas in flight by state, and those overdue', async () => {
    const text = await scrape('order');
    expect(sampleOf(text, 'commerce_sagas', { state: 'PENDING' })).toEqual(expect.any(Number));
    expect(sampleOf(text, 'commerce_sagas', { state: 'AWAITING_PAYMENT' })).toEqual(expect.any(Number));
    expect(sampleOf(text, 'commerce_sagas_overdue')).toBe(0);
  });
});
