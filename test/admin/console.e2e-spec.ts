import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { Browser, Page } from 'puppeteer-core';
import { loadConfig, namespaced } from '@app/config';
import { OrderConfirmed, TOPICS } from '@app/events';
import { encodeEnvelope, PRODUCER_CONFIG } from '@app/messaging';
import { envelopeOf } from '../../apps/consumers/test/support/envelope.fixture';
import { artifactsDir, launchBrowser, watchedPage } from '../support/browser';
import { gql } from '../support/graphql-client';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

/**
 * Issue 12, item 5: the admin console in a real headless Chromium against the real system. An
 * admin signs in, sees the consumer groups live, opens a group's dead letters and redrives one,
 * and opens a confirmed order's trace as a waterfall. Screenshots of each step are kept in
 * test-artifacts/console/.
 */
describe('the admin console, in a browser', () => {
  const system = new System();
  const shots = artifactsDir('console');
  const projections = namespaced('consumers.projections');
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let orderId: string;
  /** Other suites of the run share the namespace and may have left dead letters of their own: ours is found by its event id. */
  let orphanEventId: string;

  /** The little of the DOM these checks touch (the repo's TypeScript has no DOM types; the browser runs them, so no helper function: a cast). */
  type Dom = { hidden: boolean; value: string; dataset: Record<string, string | undefined>; getBoundingClientRect(): { height: number } };
  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const text = (selector: string) => page.$eval(selector, (node) => node.textContent ?? '');

  beforeAll(async () => {
    await system.start();
    const url = system.gatewayUrl;
    const admin = await waitFor('the seeded admin to log in', async () => (await gql(url, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`)).data?.login?.token as string | undefined);
    const customer = (await gql(url, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token } }`, { i: { email: `console-${randomUUID()}@example.test`, name: 'C', password: 'correct horse' } })).data.registerUser.token as string;
    const sku = `CONSOLE-${randomUUID().slice(0, 8)}`;
    await gql(url, `mutation { addProduct(sku: "${sku}", name: "Lamp", priceCents: 1500, initialStock: 5, consistency: PROJECTED) { version } }`, {}, admin);
    orderId = (await gql(url, `mutation C($i: CreateOrderInput!) { createOrder(input: $i) { orderId } }`, { i: { lines: [{ sku, quantity: 1 }], paymentToken: 'tok_visa' } }, customer)).data.createOrder.orderId;
    await waitFor('the order to be confirmed', async () => (await gql(url, `query { order(id: "${orderId}") { status } }`, {}, admin)).data?.order?.status === 'CONFIRMED', { timeoutMs: 60_000 });
    // A confirmation of an order nobody created: the projections dead-letter it.
    const producer = new Kafka({ clientId: 'console-e2e', brokers: loadConfig().kafka.brokers, logLevel: logLevel.NOTHING }).producer(PRODUCER_CONFIG);
    await producer.connect();
    const orphan = randomUUID();
    const early = envelopeOf(OrderConfirmed, { orderId: orphan, paymentId: randomUUID(), totalCents: 100 }, { aggregateId: orphan, streamVersion: 3 });
    orphanEventId = early.eventId;
    await producer.send({ topic: TOPICS.orders, acks: -1, messages: [encodeEnvelope(early)] });
    await producer.disconnect();
    browser = await launchBrowser();
    ({ page, problems } = await watchedPage(browser));
  });
  afterAll(async () => {
    await browser?.close();
    await system.stop();
  });

  it('refuses a wrong password, then signs an admin in', async () => {
    await page.goto(`${system.appUrl('gateway')}/admin`);
    await page.type('#login input[name=email]', 'admin@example.com');
    await page.type('#login input[name=password]', 'wrong password');
    await page.click('#login button[type=submit]');
    await page.waitForFunction(`document.querySelector('#login-error').textContent !== ''`);
    expect(await page.$eval('#console', (node) => (node as unknown as Dom).hidden)).toBe(true);

    await page.$eval('#login input[name=password]', (node) => ((node as unknown as Dom).value = ''));
    await page.type('#login input[name=password]', 'admin12345');
    await page.click('#login button[type=submit]');
    await page.waitForSelector('#console:not([hidden])');
    await shot('1-signed-in');
  });

  it('shows every consumer group and relay, live', async () => {
    await page.waitForSelector(`#groups tr[data-group="${projections}"]`, { timeout: 30_000 });
    const groups = await page.$$eval('#groups tbody tr', (rows) => rows.map((row) => (row as unknown as Dom).dataset.group));
    expect(groups).toEqual(expect.arrayContaining([projections, namespaced('consumers.search'), namespaced('order.saga')]));
    expect(await page.$$eval('#relays tbody tr', (rows) => rows.length)).toBeGreaterThanOrEqual(4);
    const first = await text('#updated');
    await page.waitForFunction(`document.querySelector('#updated').textContent !== ${JSON.stringify(first)}`, { timeout: 10_000 });
    await shot('2-status');
  });

  it('lists a group\'s dead letters and redrives one', async () => {
    const link = `#groups tr[data-group="${projections}"] a`;
    await page.waitForSelector(link, { timeout: 60_000 });
    // Opened again until ours is listed: the group may have had dead letters before ours arrived.
    const ours = await waitFor('our dead letter in the console', async () => {
      await page.click(link);
      await page.waitForSelector('#dl tbody tr[data-id]');
      const rows = await page.$$eval('#dl tbody tr[data-id]', (trs) => trs.map((tr) => ({ id: (tr as unknown as Dom).dataset.id, text: tr.textContent ?? '' })));
      return rows.find((row) => row.text.includes(orphanEventId));
    }, { timeoutMs: 60_000, intervalMs: 1000 });
    expect(ours.text).toContain('ORDER_VIEW_MISSING');
    await shot('3-dead-letters');
    await page.click(`#dl tbody tr[data-id="${ours.id}"] input[type=checkbox]`);
    await page.click('#redrive');
    await page.waitForFunction(`/redrive: 1 of 1/.test(document.querySelector('#dl-result').textContent)`, { timeout: 30_000 });
    await shot('4-redriven');
  });

  it('opens GraphiQL at the GraphQL URL, from the gateway alone, and runs a query in it', async () => {
    const { page: graphiql, problems: graphiqlProblems } = await watchedPage(browser);
    const elsewhere: string[] = [];
    graphiql.on('request', (request) => {
      if (!request.url().startsWith(system.appUrl('gateway')) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    await graphiql.goto(system.gatewayUrl);
    await graphiql.waitForSelector('#graphiql .graphiql-container', { timeout: 30_000 });
    await graphiql.click('.graphiql-execute-button');
    await graphiql.waitForFunction(`(document.querySelector('.result-window') || {}).textContent?.includes('"data"')`, { timeout: 30_000 });
    await graphiql.screenshot({ path: join(shots, '0-graphiql.png') });
    expect(elsewhere).toEqual([]);
    expect(graphiqlProblems).toEqual([]);
    await graphiql.close();
  });

  it("draws a confirmed order's trace as a waterfall", async () => {
    await page.type('#trace-id', orderId);
    await page.click('#trace-form button[type=submit]');
    await page.waitForFunction(`document.querySelectorAll('#trace .row').length >= 5`, { timeout: 30_000 });
    const kinds = await page.$$eval('#trace .row', (rows) => rows.map((row) => (row as unknown as Dom).dataset.kind));
    expect(kinds).toEqual(expect.arrayContaining(['COMMAND', 'EVENT', 'EFFECT']));
    expect(await page.$$eval('#trace .bar', (bars) => bars.every((bar) => (bar as unknown as Dom).getBoundingClientRect().height > 0))).toBe(true);
    await shot('5-trace');
    expect(problems).toEqual([]);
  });
});
