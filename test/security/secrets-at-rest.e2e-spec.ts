import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, NAMESPACE } from '@app/config';
import { gql } from '../support/graphql-client';
import { System } from '../support/system';
import { scanTopics } from '../support/topic-scan';
import { waitFor } from '../support/wait-for';

const LOG_DIR = join(__dirname, '..', '..', '.stack', 'test-logs');

/**
 * Issue 11, item 2: a password and a card token, each unique to this run, go through the whole
 * system (register, login, an order confirmed by the payment service); then every message of this
 * environment's topics, a dump of the whole database and the apps' logs are searched for them.
 */
describe('secrets never cross Kafka, sit in the database or reach a log in clear', () => {
  const system = new System();
  const run = randomUUID().replace(/-/g, '');
  const password = `pw-${run}`;
  const cardToken = `tok_visa_${run}`;
  let orderId: string;

  beforeAll(async () => {
    await system.start();
    const url = system.gatewayUrl;
    const admin = await waitFor('the seeded admin to log in', async () => {
      const r = await gql(url, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`);
      return r.data?.login?.token as string | undefined;
    });
    const sku = `SEC-${run.slice(0, 8)}`;
    const added = await gql(url, `mutation { addProduct(sku: "${sku}", name: "Safe", priceCents: 500, initialStock: 5, consistency: PROJECTED) { version } }`, {}, admin);
    expect(added.errors).toBeUndefined();

    const email = `secret-${run}@example.test`;
    const registered = await gql(url, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token } }`, { i: { email, name: 'Sec', password } });
    expect(registered.errors).toBeUndefined();
    const login = await gql(url, `mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: password });
    const token = login.data.login.token as string;
    const created = await gql(url, `mutation C($i: CreateOrderInput!) { createOrder(input: $i) { orderId } }`, { i: { lines: [{ sku, quantity: 1 }], paymentToken: cardToken } }, token);
    expect(created.errors).toBeUndefined();
    orderId = created.data.createOrder.orderId;
    await waitFor('the order to be confirmed', async () => {
      const r = await gql(url, `query O($id: ID!) { order(id: $id) { status } }`, { id: orderId }, token);
      return r.data?.order?.status === 'CONFIRMED';
    }, { timeoutMs: 60_000, intervalMs: 250 });
  });
  afterAll(() => system.stop());

  it('puts neither in any message of any topic of this environment', async () => {
    const { topics, messages } = await scanTopics(loadConfig().kafka.brokers, `${NAMESPACE}.`);

    // The scan saw this run's traffic, commands included, and what they carried was sealed.
    expect(topics).toEqual(expect.arrayContaining([`${NAMESPACE}.commands.user.authenticate`, `${NAMESPACE}.commands.payment.process`]));
    expect(messages.some((m) => m.includes(orderId))).toBe(true);
    expect(messages.some((m) => m.includes(orderId) && m.includes('sealed.v1.'))).toBe(true);
    expect(messages.filter((m) => m.includes(password))).toEqual([]);
    expect(messages.filter((m) => m.includes(cardToken))).toEqual([]);
  });

  it('puts neither in a dump of the whole database', () => {
    const dump = execFileSync('pg_dump', ['--data-only', loadConfig().databaseUrl], { maxBuffer: 1024 * 1024 * 1024 }).toString();

    expect(dump).toContain(orderId);
    expect(dump.includes(password)).toBe(false);
    expect(dump.includes(cardToken)).toBe(false);
  });

  it('puts neither in a log line of any app', () => {
    // The apps' logs (System writes <app>.log there); other suites keep folders of their own beside them.
    const files = readdirSync(LOG_DIR, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.log'));
    const logs = files.map((file) => readFileSync(join(LOG_DIR, file.name), 'utf8'));

    expect(files.map((file) => file.name)).toEqual(expect.arrayContaining(['gateway.log', 'user.log', 'order.log', 'payment.log']));
    expect(logs.filter((log) => log.includes(password) || log.includes(cardToken))).toEqual([]);
  });
});
