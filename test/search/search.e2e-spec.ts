import { randomUUID } from 'node:crypto';
import { Client as Elasticsearch } from '@elastic/elasticsearch';
import { loadConfig, namespaced } from '@app/config';
import { listDeadLetters } from '@app/messaging';
import { elasticsearch } from '../../scripts/stack/elasticsearch';
import { codes, gql } from '../support/graphql-client';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

/**
 * How long Elasticsearch stays down in the outage scenario. It is the scenario itself, not a wait
 * for a condition: long enough that the search consumer's default retry policy (~3 s) would have
 * dead-lettered every event, well inside the ~3 minutes its own policy keeps retrying.
 */
const OUTAGE_MS = 20_000;
/** Stopping the local Elasticsearch is only possible when this stack started it. */
const EXTERNAL_ES = Boolean(process.env.ELASTICSEARCH_NODE);

const SEARCH = `query S($text: String!, $kinds: [SearchKind!], $first: Int) {
  search(text: $text, kinds: $kinds, first: $first) { total hits { kind id score title highlight } } }`;
const ADD = `mutation A($sku: ID!, $name: String!, $price: Int!, $stock: Int!) {
  addProduct(sku: $sku, name: $name, priceCents: $price, initialStock: $stock, consistency: PROJECTED) { version } }`;
const CREATE = `mutation C($input: CreateOrderInput!) { createOrder(input: $input) { orderId } }`;
const ORDER = `query O($id: ID!) { order(id: $id) { id status } }`;

interface Hit { kind: string; id: string; score: number; title: string; highlight: string[] }

describe('search over products, orders and users, end to end', () => {
  const system = new System();
  const run = randomUUID().slice(0, 8);
  let url: string;
  let admin: string;
  let alice: { token: string; id: string };
  let bob: { token: string; id: string };

  const register = async (name: string) => {
    const r = await gql(url, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token user { id } } }`, {
      i: { email: `${name.split(' ')[0].toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`, name, password: 'password-123' },
    });
    expect(r.errors).toBeUndefined();
    return { token: r.data.registerUser.token as string, id: r.data.registerUser.user.id as string };
  };
  const product = async (name: string, stock = 10) => {
    const sku = `SKU-${randomUUID().slice(0, 8)}`;
    expect((await gql(url, ADD, { sku, name, price: 1500, stock }, admin)).errors).toBeUndefined();
    return sku;
  };
  const order = async (token: string, sku: string) => {
    const r = await gql(url, CREATE, { input: { lines: [{ sku, quantity: 1 }], paymentToken: 'tok_visa' } }, token);
    expect(r.errors).toBeUndefined();
    return r.data.createOrder.orderId as string;
  };
  const statusOf = async (id: string): Promise<string | undefined> => (await gql(url, ORDER, { id }, admin)).data?.order?.status;
  const settled = (id: string) =>
    waitFor(`order ${id} to settle`, async () => {
      const status = await statusOf(id);
      return status === 'CONFIRMED' || status === 'CANCELLED' ? status : undefined;
    }, { timeoutMs: 60000, intervalMs: 250 });
  const search = async (text: string, token?: string, kinds?: string[], first?: number) => {
    const r = await gql<{ search: { total: number; hits: Hit[] } }>(url, SEARCH, { text, kinds, first }, token);
    expect(r.errors).toBeUndefined();
    return r.data!.search;
  };

  beforeAll(async () => {
    await system.start();
    url = system.gatewayUrl;
    admin = await waitFor('the seeded admin to log in', async () => {
      const r = await gql(url, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`);
      return r.data?.login?.token as string | undefined;
    });
    [alice, bob] = [await register('Alice'), await register('Bob')];
  });
  afterAll(() => system.stop());

  it("finds a confirmed order by a word of its product's name, highlighted, for its owner and not for another customer", async () => {
    const word = `samovar${run}`;
    const sku = await product(`Brass ${word} deluxe`);
    const id = await order(alice.token, sku);
    expect(await settled(id)).toBe('CONFIRMED');

    const found = await waitFor('the confirmed order in search', async () => {
      const { hits } = await search(word, alice.token, ['ORDER']);
      return hits.find((h) => h.id === id && h.title.includes('CONFIRMED'));
    }, { timeoutMs: 15000, intervalMs: 250 });
    expect(found).toMatchObject({ kind: 'ORDER', title: `Order ${id} (CONFIRMED)` });
    expect(found.score).toBeGreaterThan(0);
    expect(found.highlight).toEqual([expect.stringContaining(`<em>${word}</em>`)]);

    // Bob finds the product (the catalogue is public) and not Alice's order. The product's
    // document is written from another topic than the order's, and its index refreshes on its
    // own clock, so it may become searchable a moment after the order: wait for it.
    const forBob = await waitFor('the product in search', async () => {
      const result = await search(word, bob.token);
      return result.hits.some((h) => h.kind === 'PRODUCT') && result;
    }, { timeoutMs: 15000, intervalMs: 250 });
    expect(forBob.hits.map((h) => [h.kind, h.id])).toEqual([['PRODUCT', sku]]);
    expect(forBob.total).toBe(1);
    // Alice, without a kinds filter, gets both.
    expect((await search(word, alice.token)).hits.map((h) => h.kind).sort()).toEqual(['ORDER', 'PRODUCT']);
  });

  it('never gives a customer USER hits, and gives them to an admin', async () => {
    const word = `zephyrine${run}`;
    const carol = await register(`Carol ${word}`);

    const forAdmin = await waitFor('the new user in an admin search', async () => {
      const { hits } = await search(word, admin, ['USER']);
      return hits.find((h) => h.id === carol.id);
    }, { timeoutMs: 15000, intervalMs: 250 });
    expect(forAdmin).toMatchObject({ kind: 'USER', title: `Carol ${word}`, highlight: [expect.stringContaining(`<em>${word}</em>`)] });

    expect(await search(word, carol.token)).toEqual({ total: 0, hits: [] });
    expect(await search(word, alice.token, ['USER'])).toEqual({ total: 0, hits: [] });
    expect(await search(word)).toEqual({ total: 0, hits: [] });
    expect(codes(await gql(url, SEARCH, { text: word, first: 51 }, admin))).toEqual(['BAD_USER_INPUT']);
  });

  (EXTERNAL_ES ? it.skip : it)(
    EXTERNAL_ES
      ? 'SKIPPED: ELASTICSEARCH_NODE points at an external Elasticsearch, which this test cannot stop for the outage scenario'
      : 'catches up after Elasticsearch is down for 20 s while orders flow: every order indexed with its current status',
    async () => {
      const es = new Elasticsearch({ node: loadConfig().elasticsearchNode });
      try {
        const sku = await product(`Outage kettle ${run}`, 6);
        let ids: string[] = [];
        if (!(await elasticsearch.down())) throw new Error('Elasticsearch was not started by the local stack (no pid file), so it cannot be stopped');
        try {
          const placed = Date.now();
          ids = [];
          for (let i = 0; i < 8; i++) ids.push(await order(i % 2 ? alice.token : bob.token, sku));
          // The outage is real: Elasticsearch answers nothing while the orders flow.
          await expect(es.cluster.health({}, { requestTimeout: 2000, maxRetries: 0 })).rejects.toThrow();
          // Hold the outage for its full length while the saga settles the orders (6 in stock:
          // some confirm, some cancel OUT_OF_STOCK, so both terminal statuses are indexed late).
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - placed))));
        } finally {
          await elasticsearch.up();
        }

        for (const id of ids) await settled(id);
        await waitFor('every order indexed with its read-model status', async () => {
          const { docs } = await es.mget<{ status: string }>({ index: namespaced('orders'), ids });
          for (const [i, id] of ids.entries()) {
            const doc = docs[i];
            const indexed = 'found' in doc && doc.found ? doc._source?.status : undefined;
            if (indexed !== (await statusOf(id))) return false;
          }
          return true;
        }, { timeoutMs: 90000, intervalMs: 500 });
        const final = await Promise.all(ids.map(statusOf));
        expect(final.every((status) => status === 'CONFIRMED' || status === 'CANCELLED')).toBe(true);
        expect(final.filter((status) => status === 'CONFIRMED')).toHaveLength(6);
        // Waited out, not given up on: an outage is not poison, so nothing was dead-lettered.
        const dead = await listDeadLetters({ brokers: loadConfig().kafka.brokers, groupId: namespaced('consumers.search') });
        expect(dead.filter((d) => ids.some((id) => JSON.stringify(d.envelope ?? {}).includes(id)))).toEqual([]);
      } finally {
        await es.close();
      }
    },
    // The outage, Elasticsearch's own restart (up to a minute on a busy machine) and the catch-up.
    300_000,
  );
});
