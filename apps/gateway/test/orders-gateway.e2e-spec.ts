import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { UserView } from '@app/read-model';
import { assertTestDatabase } from '../../../test/support/test-env';
import { signTestToken } from '../../../test/support/tokens';
import { type ScratchGateway, startScratchGateway } from './support/scratch-gateway';
import { CommandClient } from '../src/command-client/command-client';
import { PaymentViewReader } from '../src/orders/payment-view.reader';

assertTestDatabase();

// A short command timeout: nothing here may reach a service, and if something did, it fails fast.
const config = { ...loadConfig(), commandTimeoutMs: 1000 };

const tokenFor = (sub: string, role: 'CUSTOMER' | 'ADMIN') => signTestToken(config.jwtSecret, sub, role);

const user = (name: string) => ({ id: randomUUID(), email: `${name}@example.com`, name, role: 'CUSTOMER', registeredAt: '2026-01-02T03:04:05.000Z' });
const ann = user('ann');
const bob = user('bob');
const adminId = randomUUID();
const as = { ann: tokenFor(ann.id, 'CUSTOMER'), bob: tokenFor(bob.id, 'CUSTOMER'), admin: tokenFor(adminId, 'ADMIN') };

const products = [
  { sku: 'sku-a', name: 'Anvil', priceCents: 1250, available: 7, reserved: 2 },
  { sku: 'sku-b', name: 'Bucket', priceCents: 999, available: 0, reserved: 0 },
  { sku: 'sku-c', name: 'Crate', priceCents: 0, available: 40, reserved: 1 },
];

/** Ids ascending, so that the expected order of two orders created in the same instant is known (id desc). */
const ids = Array.from({ length: 7 }, () => randomUUID()).sort();
const LINES = [{ sku: 'sku-a', quantity: 2, unitPriceCents: 1250 }];
const order = (id: string, owner: { id: string }, status: string, createdAt: string, extra: object = {}) => ({
  id,
  userId: owner.id,
  status,
  lines: LINES,
  totalCents: 2500,
  cancellationReason: null,
  createdAt,
  updatedAt: createdAt,
  version: 3,
  ...extra,
});
// ann's five, newest first as `orders` must list them: two share a millisecond and differ only in
// microseconds, and two share the exact instant (then the larger id comes first).
const annOrders = [
  order(ids[0], ann, 'CONFIRMED', '2026-03-05T10:00:00.000002Z'),
  order(ids[1], ann, 'CONFIRMED', '2026-03-05T10:00:00.000001Z'),
  order(ids[3], ann, 'PENDING', '2026-03-04T10:00:00.000000Z', { lines: [{ sku: 'sku-b', quantity: 1, unitPriceCents: null }], totalCents: null, version: 1 }),
  order(ids[2], ann, 'PENDING', '2026-03-04T10:00:00.000000Z', { version: 1 }),
  order(ids[4], ann, 'CANCELLED', '2026-03-01T10:00:00.000000Z', { cancellationReason: 'PAYMENT_FAILED' }),
];
const bobOrders = [order(ids[5], bob, 'AWAITING_PAYMENT', '2026-03-06T10:00:00.000000Z', { version: 2 }), order(ids[6], bob, 'CONFIRMED', '2026-02-01T10:00:00.000000Z')];
const [annConfirmed, , annPending, , annCancelled] = annOrders;
const payment = { id: randomUUID(), orderId: annConfirmed.id, amountCents: 2500, status: 'PROCESSED', failureReason: null, processedAt: '2026-03-05T10:00:01.000Z' };
const declined = { id: randomUUID(), orderId: annCancelled.id, amountCents: 2500, status: 'FAILED', failureReason: 'DECLINED', processedAt: '2026-03-01T10:00:01.000Z' };

const logEntry = (streamId: string, version: number, type: string, payload: object = {}) => ({
  eventId: randomUUID(),
  streamId,
  version,
  position: String(1000 + version),
  type,
  schemaVersion: 1,
  payload: { ...payload, n: version },
  metadata: { correlationId: randomUUID(), causationId: null, userId: ann.id },
  recordedAt: `2026-03-05T10:00:0${version}.000Z`,
});
const orderStream = `order-${annConfirmed.id}`;
// Logged out of version order: events(streamId) must sort them.
const events = [
  logEntry(orderStream, 3, 'OrderConfirmed'),
  logEntry(orderStream, 1, 'OrderCreated'),
  logEntry(orderStream, 2, 'OrderAwaitingPayment'),
  logEntry(`user-${ann.id}`, 1, 'UserRegistered'),
  logEntry(`payment-${payment.id}`, 1, 'PaymentProcessed'),
  logEntry(`reservation-${annConfirmed.id}`, 1, 'InventoryReserved'),
  logEntry('product-sku-a', 1, 'ProductAdded'),
  logEntry('product-sku-a', 2, 'StockAdjusted'),
  logEntry(`order-${bobOrders[0].id}`, 1, 'OrderCreated'),
];

async function seed(ds: DataSource): Promise<void> {
  for (const u of [ann, bob]) {
    await ds.query('INSERT INTO read_model.user_view (id, email, name, role, registered_at, version) VALUES ($1, $2, $3, $4, $5, 1)', [u.id, u.email, u.name, u.role, u.registeredAt]);
  }
  for (const p of products) {
    await ds.query('INSERT INTO read_model.product_view (sku, name, price_cents, available, reserved, version, updated_at) VALUES ($1, $2, $3, $4, $5, 1, now())', [
      p.sku,
      p.name,
      p.priceCents,
      p.available,
      p.reserved,
    ]);
  }
  for (const o of [...annOrders, ...bobOrders]) {
    await ds.query(
      `INSERT INTO read_model.order_view (id, user_id, status, lines, total_cents, cancellation_reason, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [o.id, o.userId, o.status, JSON.stringify(o.lines), o.totalCents, o.cancellationReason, o.createdAt, o.updatedAt, o.version],
    );
  }
  for (const p of [payment, declined]) {
    await ds.query(
      'INSERT INTO read_model.payment_view (id, order_id, amount_cents, status, failure_reason, processed_at, version) VALUES ($1, $2, $3, $4, $5, $6, 1)',
      [p.id, p.orderId, p.amountCents, p.status, p.failureReason, p.processedAt],
    );
  }
  for (const e of events) {
    await ds.query(
      `INSERT INTO read_model.event_log (event_id, stream_id, version, position, type, schema_version, payload, metadata, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [e.eventId, e.streamId, e.version, e.position, e.type, e.schemaVersion, e.payload, e.metadata, e.recordedAt],
    );
  }
}

interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: string[]; extensions: { code: string; field?: string } }[];
}

/** How an order looks through the API (DateTime in milliseconds). */
const shown = (o: ReturnType<typeof order>) => ({
  ...o,
  createdAt: new Date(o.createdAt).toISOString(),
  updatedAt: new Date(o.updatedAt).toISOString(),
});
const ORDER_FIELDS = 'id userId status lines { sku quantity unitPriceCents } totalCents cancellationReason createdAt updatedAt version';

describe('the gateway, on orders, products, payments and event history from the read model', () => {
  let gateway: ScratchGateway;
  let app: INestApplication;

  beforeAll(async () => {
    // Rows seeded straight into a scratch read_model (see support/scratch-gateway.ts).
    gateway = await startScratchGateway(config, seed);
    app = gateway.app;
  });

  afterAll(() => gateway?.close());

  afterEach(() => jest.restoreAllMocks());

  const gql = async (query: string, token?: string, variables?: object) => {
    const req = request(app.getHttpServer()).post('/graphql');
    if (token) req.set('Authorization', `Bearer ${token}`);
    const body = (await req.send({ query, variables })).body as GraphQLBody;
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|exception/i);
    return body;
  };
  const errorsOf = (body: GraphQLBody) => (body.errors ?? []).map((e) => ({ code: e.extensions.code, field: e.extensions.field }));

  describe('products', () => {
    it('lists the catalogue by sku and finds one product, for anyone, signed in or not', async () => {
      expect(await gql('{ products { sku name priceCents available reserved } }')).toEqual({ data: { products } });
      expect(await gql('{ product(sku: "sku-b") { sku name priceCents available reserved } }', as.ann)).toEqual({ data: { product: products[1] } });
      expect(await gql('{ product(sku: "sku-zzz") { sku } }')).toEqual({ data: { product: null } });
    });

    it('pages the catalogue with first and after (the last sku seen), and refuses a page size outside 1..100', async () => {
      expect(await gql('{ products(first: 2) { sku } }')).toEqual({ data: { products: [{ sku: 'sku-a' }, { sku: 'sku-b' }] } });
      expect(await gql('{ products(first: 2, after: "sku-b") { sku } }')).toEqual({ data: { products: [{ sku: 'sku-c' }] } });
      expect(await gql('{ products(after: "sku-c") { sku } }')).toEqual({ data: { products: [] } });
      for (const first of [0, 101]) expect(errorsOf(await gql(`{ products(first: ${first}) { sku } }`))).toEqual([{ code: 'BAD_USER_INPUT', field: 'first' }]);
    });
  });

  describe('order(id)', () => {
    const query = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} user { id name } payment { id orderId amountCents status failureReason processedAt } } }`;

    it('shows an order with its user and payment to its owner and to an admin', async () => {
      const expected = { ...shown(annConfirmed), user: { id: ann.id, name: 'ann' }, payment };

      expect(await gql(query, as.ann, { id: annConfirmed.id })).toEqual({ data: { order: expected } });
      expect(await gql(query, as.admin, { id: annConfirmed.id })).toEqual({ data: { order: expected } });
    });

    it('shows unpriced lines and a failed payment with its reason', async () => {
      const { data } = await gql(query, as.ann, { id: annPending.id });
      expect(data?.order).toMatchObject({ status: 'PENDING', lines: [{ sku: 'sku-b', quantity: 1, unitPriceCents: null }], totalCents: null, payment: null });

      const cancelled = await gql(query, as.ann, { id: annCancelled.id });
      expect(cancelled.data?.order).toMatchObject({ cancellationReason: 'PAYMENT_FAILED', payment: { status: 'FAILED', failureReason: 'DECLINED' } });
    });

    it("forbids another customer's order", async () => {
      const body = await gql(query, as.bob, { id: annConfirmed.id });

      expect(errorsOf(body)).toEqual([{ code: 'FORBIDDEN', field: undefined }]);
      expect(body.data).toEqual({ order: null });
    });

    it('answers null for an unknown id, UNAUTHENTICATED without a token, BAD_USER_INPUT for a non-UUID', async () => {
      expect(await gql(query, as.admin, { id: randomUUID() })).toEqual({ data: { order: null } });
      expect(await gql(query, as.ann, { id: randomUUID() })).toEqual({ data: { order: null } });
      expect(errorsOf(await gql(query, undefined, { id: annConfirmed.id }))).toEqual([{ code: 'UNAUTHENTICATED', field: undefined }]);
      expect(errorsOf(await gql(query, as.ann, { id: 'order-1' }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'id' }]);
    });
  });

  describe('orders(status, first, after)', () => {
    const query = `query($status: OrderStatus, $first: Int, $after: String) {
      orders(status: $status, first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const page = async (token: string, variables: object): Promise<Page> => {
      const body = await gql(query, token, variables);
      expect(body.errors).toBeUndefined();
      return body.data!.orders;
    };

    it("pages through a customer's own orders, newest first, with opaque cursors and the total on every page", async () => {
      const first = await page(as.ann, { first: 2 });
      const second = await page(as.ann, { first: 2, after: first.pageInfo.endCursor });
      const third = await page(as.ann, { first: 2, after: second.pageInfo.endCursor });

      expect([first, second, third].map((p) => p.edges.map((e) => e.node.id))).toEqual([
        [annOrders[0].id, annOrders[1].id],
        [annOrders[2].id, annOrders[3].id],
        [annOrders[4].id],
      ]);
      expect([first, second, third].map((p) => [p.totalCount, p.pageInfo.hasNextPage])).toEqual([
        [5, true],
        [5, true],
        [5, false],
      ]);
      expect(third.pageInfo.endCursor).toBe(third.edges[0].cursor);
      expect(first.pageInfo.endCursor).toBe(first.edges[1].cursor);
      expect(Buffer.from(first.edges[0].cursor, 'base64url').toString()).not.toContain(ann.id);
    });

    it('filters by status, and totalCount counts the filtered orders', async () => {
      const confirmed = await page(as.ann, { status: 'CONFIRMED' });

      expect(confirmed.edges.map((e) => e.node.id)).toEqual([annOrders[0].id, annOrders[1].id]);
      expect(confirmed.totalCount).toBe(2);
      // These two differ only in microseconds: a cursor cut to milliseconds would skip the second.
      const one = await page(as.ann, { status: 'CONFIRMED', first: 1 });
      const two = await page(as.ann, { status: 'CONFIRMED', first: 1, after: one.pageInfo.endCursor });
      expect([...one.edges, ...two.edges].map((e) => e.node.id)).toEqual([annOrders[0].id, annOrders[1].id]);
      expect([one.pageInfo.hasNextPage, two.pageInfo.hasNextPage, two.totalCount]).toEqual([true, false, 2]);
      expect((await page(as.admin, { status: 'CONFIRMED' })).totalCount).toBe(3);
    });

    it('shows a customer only their own orders and an admin all of them', async () => {
      expect((await page(as.bob, {})).edges.map((e) => e.node.id)).toEqual(bobOrders.map((o) => o.id));
      const all = await page(as.admin, { first: 100 });
      expect(all.totalCount).toBe(7);
      expect(all.edges.map((e) => e.node.id)).toEqual([bobOrders[0], ...annOrders, bobOrders[1]].map((o) => o.id));
    });

    it('refuses first outside 1..100 and a cursor it did not make, naming the argument', async () => {
      for (const first of [0, -1, 101]) expect(errorsOf(await gql(query, as.ann, { first }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'first' }]);
      expect(errorsOf(await gql(query, as.ann, { after: 'bm90LWEtY3Vyc29y' }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'after' }]);
      expect(errorsOf(await gql(query, undefined, {}))).toEqual([{ code: 'UNAUTHENTICATED', field: undefined }]);
    });

    it("lists a user's orders under User.orders, for that user or an admin", async () => {
      const me = await gql('{ me { orders(first: 2) { totalCount edges { node { id } } } } }', as.ann);
      expect(me.data?.me.orders).toEqual({ totalCount: 5, edges: [{ node: { id: annOrders[0].id } }, { node: { id: annOrders[1].id } }] });

      const bobsByAdmin = await gql(`{ user(id: "${bob.id}") { orders { totalCount } } }`, as.admin);
      expect(bobsByAdmin).toEqual({ data: { user: { orders: { totalCount: 2 } } } });
    });

    it('loads the users and payments of a whole page with one query each', async () => {
      const payments = jest.spyOn(app.get(PaymentViewReader), 'findByOrderIds');
      const users = jest.spyOn(app.get(getRepositoryToken(UserView), { strict: false }), 'findBy');

      const body = await gql('{ orders(first: 10) { edges { node { id user { name } payment { status } } } } }', as.admin);

      expect(body.data?.orders.edges).toHaveLength(7);
      expect(body.data?.orders.edges[1].node).toEqual({ id: annOrders[0].id, user: { name: 'ann' }, payment: { status: 'PROCESSED' } });
      expect(payments).toHaveBeenCalledTimes(1);
      expect(payments.mock.calls[0][0]).toHaveLength(7);
      expect(users).toHaveBeenCalledTimes(1);
    });
  });

  describe('events(streamId, fromVersion)', () => {
    const query = `query($streamId: String!, $fromVersion: Int) {
      events(streamId: $streamId, fromVersion: $fromVersion) { eventId streamId version position type schemaVersion payload metadata recordedAt } }`;
    const versionsOf = (body: GraphQLBody) => body.data?.events.map((e: { version: number }) => e.version);

    it("answers a stream's events in version order, from fromVersion on, with payload and metadata", async () => {
      const body = await gql(query, as.ann, { streamId: orderStream });

      const expected = events.filter((e) => e.streamId === orderStream).sort((a, b) => a.version - b.version);
      expect(body).toEqual({ data: { events: expected } });
      expect(versionsOf(await gql(query, as.ann, { streamId: orderStream, fromVersion: 2 }))).toEqual([2, 3]);
    });

    it('lets a customer read the streams they own: their user, orders, payments and reservations', async () => {
      for (const streamId of [`user-${ann.id}`, `payment-${payment.id}`, `reservation-${annConfirmed.id}`]) {
        expect(versionsOf(await gql(query, as.ann, { streamId }))).toEqual([1]);
      }
    });

    it("forbids a customer products' streams, other people's streams and streams whose owner is unknown", async () => {
      for (const streamId of ['product-sku-a', `order-${bobOrders[0].id}`, `user-${bob.id}`, `payment-${payment.id}`, `order-${randomUUID()}`, 'order-not-a-uuid', 'cart-1']) {
        const token = streamId === `payment-${payment.id}` ? as.bob : as.ann;
        expect([streamId, errorsOf(await gql(query, token, { streamId }))]).toEqual([streamId, [{ code: 'FORBIDDEN', field: undefined }]]);
      }
    });

    it('lets an admin read any stream, and asks for a token or a well-formed stream id', async () => {
      expect(versionsOf(await gql(query, as.admin, { streamId: 'product-sku-a' }))).toEqual([1, 2]);
      expect(versionsOf(await gql(query, as.admin, { streamId: `order-${bobOrders[0].id}` }))).toEqual([1]);
      expect(errorsOf(await gql(query, undefined, { streamId: orderStream }))).toEqual([{ code: 'UNAUTHENTICATED', field: undefined }]);
      expect(errorsOf(await gql(query, as.admin, { streamId: 'nodash' }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'streamId' }]);
      expect(errorsOf(await gql(query, as.admin, { streamId: orderStream, fromVersion: -1 }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'fromVersion' }]);
    });
  });

  describe('mutations refused at the gateway, before any command is sent', () => {
    const createOrder = `mutation($input: CreateOrderInput!) { createOrder(input: $input) { orderId } }`;
    const line = { sku: 'sku-a', quantity: 1 };
    let send: jest.SpyInstance;
    beforeEach(() => {
      send = jest.spyOn(app.get(CommandClient), 'send');
    });
    afterEach(() => expect(send).not.toHaveBeenCalled());

    it.each([
      ['quantity 0', 'lines.0.quantity', [{ ...line, quantity: 0 }]],
      ['a negative quantity', 'lines.1.quantity', [line, { ...line, quantity: -2 }]],
      ['quantity 1001', 'lines.0.quantity', [{ ...line, quantity: 1001 }]],
      ['no lines', 'lines', []],
      ['51 lines', 'lines', Array.from({ length: 51 }, () => line)],
      ['an empty sku', 'lines.0.sku', [{ ...line, sku: '' }]],
    ])('createOrder with %s is BAD_USER_INPUT on %s', async (_, field, lines) => {
      const body = await gql(createOrder, as.ann, { input: { lines, paymentToken: 'tok_visa' } });

      expect(errorsOf(body)).toEqual([{ code: 'BAD_USER_INPUT', field }]);
    });

    it('createOrder needs a signed-in caller', async () => {
      expect(errorsOf(await gql(createOrder, undefined, { input: { lines: [line], paymentToken: 'tok_visa' } }))).toEqual([{ code: 'UNAUTHENTICATED', field: undefined }]);
    });

    it('addProduct and restockProduct are for admins only', async () => {
      const add = 'mutation { addProduct(sku: "sku-new", name: "New", priceCents: 100, initialStock: 1) { version } }';
      const restock = 'mutation { restockProduct(sku: "sku-a", quantity: 5) { version } }';

      expect(errorsOf(await gql(add, as.ann))).toEqual([{ code: 'FORBIDDEN', field: undefined }]);
      expect(errorsOf(await gql(restock, as.ann))).toEqual([{ code: 'FORBIDDEN', field: undefined }]);
      expect(errorsOf(await gql(add))).toEqual([{ code: 'UNAUTHENTICATED', field: undefined }]);
    });

    it('refuses bad product input from an admin, naming the argument', async () => {
      const add = (args: string) => gql(`mutation { addProduct(${args}) { version } }`, as.admin);

      expect(errorsOf(await gql('mutation { restockProduct(sku: "sku-a", quantity: 0) { version } }', as.admin))).toEqual([{ code: 'BAD_USER_INPUT', field: 'quantity' }]);
      expect(errorsOf(await add('sku: "sku-n", name: "N", priceCents: -1, initialStock: 1'))).toEqual([{ code: 'BAD_USER_INPUT', field: 'priceCents' }]);
      expect(errorsOf(await add('sku: "sku-n", name: "N", priceCents: 1, initialStock: -1'))).toEqual([{ code: 'BAD_USER_INPUT', field: 'initialStock' }]);
      expect(errorsOf(await add('sku: "", name: "N", priceCents: 1, initialStock: 1'))).toEqual([{ code: 'BAD_USER_INPUT', field: 'sku' }]);
      expect(errorsOf(await add(`sku: "sku-n", name: "${'x'.repeat(201)}", priceCents: 1, initialStock: 1`))).toEqual([{ code: 'BAD_USER_INPUT', field: 'name' }]);
    });

    it('cancelOrder refuses an id that is not a UUID', async () => {
      expect(errorsOf(await gql('mutation { cancelOrder(id: "42") { version } }', as.ann))).toEqual([{ code: 'BAD_USER_INPUT', field: 'id' }]);
    });
  });
});
