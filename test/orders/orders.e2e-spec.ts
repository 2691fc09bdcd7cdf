import { randomUUID } from 'node:crypto';
import { codes, gql } from '../support/graphql-client';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

/** Short enough for the timeout case; long enough for a payment on a busy 2-core machine. */
const PAYMENT_DEADLINE_MS = 8000;
/**
 * tok_slow's charge succeeds this long after it was asked: after the deadline, and after the
 * payment service stopped waiting for it (5 s), so only the reconciler learns of it.
 */
const SLOW_CHARGE_MS = 12000;

const ORDER_FIELDS = `id userId status totalCents cancellationReason version lines { sku quantity unitPriceCents }
  payment { id status amountCents failureReason }`;
const CREATE = `mutation C($input: CreateOrderInput!, $c: Consistency) {
  createOrder(input: $input, consistency: $c) { orderId result { aggregateId version position } order { id status } } }`;
const ORDER = `query O($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;
const PRODUCT = `query P($sku: ID!) { product(sku: $sku) { sku name priceCents available reserved } }`;
const ADD = `mutation A($sku: ID!, $name: String!, $price: Int!, $stock: Int!) {
  addProduct(sku: $sku, name: $name, priceCents: $price, initialStock: $stock, consistency: PROJECTED) { aggregateId version } }`;

describe('Orders end to end: inventory, payment and the fulfilment saga', () => {
  const system = new System({
    PAYMENT_DEADLINE_MS: String(PAYMENT_DEADLINE_MS),
    PAYMENT_LOCAL_SLOW_MS: String(SLOW_CHARGE_MS),
  });
  let url: string;
  let admin: string;
  let alice: { token: string; id: string };
  let bob: { token: string; id: string };

  const customer = async (name: string) => {
    const r = await gql(url, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token user { id } } }`, {
      i: { email: `${name}-${randomUUID().slice(0, 8)}@example.test`, name, password: `password-${name}` },
    });
    return { token: r.data.registerUser.token as string, id: r.data.registerUser.user.id as string };
  };
  const product = async (stock: number, price = 1250) => {
    const sku = `SKU-${randomUUID().slice(0, 8)}`;
    const r = await gql(url, ADD, { sku, name: `Teapot ${sku}`, price, stock }, admin);
    expect(r.errors).toBeUndefined();
    return sku;
  };
  const order = async (token: string, lines: { sku: string; quantity: number }[], paymentToken = 'tok_visa') => {
    const r = await gql(url, CREATE, { input: { lines, paymentToken } }, token);
    expect(r.errors).toBeUndefined();
    return r.data.createOrder.orderId as string;
  };
  const read = async (id: string, token = admin) => (await gql(url, ORDER, { id }, token)).data?.order;
  const settled = (id: string, timeoutMs = 60000) =>
    waitFor(`order ${id} to be confirmed or cancelled`, async () => {
      const o = await read(id);
      return o && ['CONFIRMED', 'CANCELLED'].includes(o.status) ? o : undefined;
    }, { timeoutMs, intervalMs: 250 });
  const stock = async (sku: string) => (await gql(url, PRODUCT, { sku })).data.product;

  beforeAll(async () => {
    await system.start();
    url = system.gatewayUrl;
    const login = await waitFor('the seeded admin to log in', async () => {
      const r = await gql(url, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`);
      return r.data?.login?.token as string | undefined;
    });
    admin = login;
    [alice, bob] = [await customer('alice'), await customer('bob')];
  });
  afterAll(() => system.stop());

  it('confirms an order priced by inventory and commits its stock', async () => {
    const sku = await product(5, 1250);
    const id = await order(alice.token, [{ sku, quantity: 2 }]);
    const done = await settled(id);
    expect(done).toMatchObject({ status: 'CONFIRMED', totalCents: 2500, cancellationReason: null, userId: alice.id });
    expect(done.lines).toEqual([{ sku, quantity: 2, unitPriceCents: 1250 }]);
    await waitFor('the payment to show on the order', async () => (await read(id))?.payment?.status === 'PROCESSED');
    await waitFor('stock committed', async () => {
      const p = await stock(sku);
      return p.available === 3 && p.reserved === 0;
    });
  });

  it('cancels an order for more than is in stock with OUT_OF_STOCK and leaves stock unchanged', async () => {
    const sku = await product(2);
    const done = await settled(await order(alice.token, [{ sku, quantity: 3 }]));
    expect(done).toMatchObject({ status: 'CANCELLED', cancellationReason: 'OUT_OF_STOCK' });
    expect(await stock(sku)).toMatchObject({ available: 2, reserved: 0 });
  });

  it('cancels a declined payment with PAYMENT_FAILED and releases the stock', async () => {
    const sku = await product(4);
    const done = await settled(await order(alice.token, [{ sku, quantity: 3 }], 'tok_declined'));
    expect(done).toMatchObject({ status: 'CANCELLED', cancellationReason: 'PAYMENT_FAILED' });
    await waitFor('stock released', async () => {
      const p = await stock(sku);
      return p.available === 4 && p.reserved === 0;
    });
  });

  it('cancels an unanswered payment with PAYMENT_TIMEOUT after the deadline and releases the stock', async () => {
    const sku = await product(4);
    const id = await order(alice.token, [{ sku, quantity: 1 }], 'tok_timeout');
    await waitFor('the order to await payment', async () => (await read(id))?.status === 'AWAITING_PAYMENT');
    expect(await stock(sku)).toMatchObject({ available: 3, reserved: 1 });
    const done = await settled(id, PAYMENT_DEADLINE_MS + 60000);
    expect(done).toMatchObject({ status: 'CANCELLED', cancellationReason: 'PAYMENT_TIMEOUT' });
    await waitFor('stock released', async () => {
      const p = await stock(sku);
      return p.available === 4 && p.reserved === 0;
    });
  });

  it('refunds a payment whose success arrives after the deadline cancelled its order: the payment, the history and the mail say so', async () => {
    const sku = await product(3);
    const id = await order(bob.token, [{ sku, quantity: 1 }], 'tok_slow');
    const done = await settled(id, PAYMENT_DEADLINE_MS + 60000);
    expect(done).toMatchObject({ status: 'CANCELLED', cancellationReason: 'PAYMENT_TIMEOUT' });

    const refunded = await waitFor('the payment to show as refunded', async () => {
      const o = await read(id);
      return o?.payment?.status === 'REFUNDED' && o;
    }, { timeoutMs: SLOW_CHARGE_MS + 60000, intervalMs: 250 });
    expect(refunded).toMatchObject({ status: 'CANCELLED', payment: { status: 'REFUNDED', amountCents: 1250 } });
    const history = await waitFor('OrderRefunded in the order history', async () => {
      const r = await gql(url, `query E($s: String!) { events(streamId: $s) { type } }`, { s: `order-${id}` }, admin);
      const types: string[] = (r.data?.events ?? []).map((e: { type: string }) => e.type);
      return types.includes('OrderRefunded') && types;
    });
    expect(history).toEqual(['OrderCreated', 'OrderAwaitingPayment', 'OrderCancelled', 'OrderRefunded']);
    const notes = await waitFor('the refund notification', async () => {
      const r = await gql(url, `query { notifications(first: 20) { template channel } }`, {}, bob.token);
      const refunds = (r.data?.notifications ?? []).filter((n: { template: string }) => n.template === 'PAYMENT_REFUNDED');
      return refunds.length === 2 && refunds;
    });
    expect(notes.map((n: { channel: string }) => n.channel).sort()).toEqual(['EMAIL', 'PUSH']);
    await waitFor('stock released', async () => {
      const p = await stock(sku);
      return p.available === 3 && p.reserved === 0;
    });
  });

  it('confirms exactly 10 of 20 concurrent one-unit orders for a sku with 10 in stock, never overselling', async () => {
    const sku = await product(10);
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => order(i % 2 ? alice.token : bob.token, [{ sku, quantity: 1 }])));
    const final = [];
    for (const id of ids) final.push(await settled(id, 120000));
    expect(final.filter((o) => o.status === 'CONFIRMED')).toHaveLength(10);
    expect(final.filter((o) => o.status === 'CANCELLED').every((o) => o.cancellationReason === 'OUT_OF_STOCK')).toBe(true);
    await waitFor('stock at zero', async () => {
      const p = await stock(sku);
      return p.available === 0 && p.reserved === 0;
    });
  });

  it('yields one order for the same idempotency key from the same user, and shows it at once with PROJECTED', async () => {
    const sku = await product(5);
    const input = { lines: [{ sku, quantity: 1 }], paymentToken: 'tok_visa', idempotencyKey: `key-${randomUUID()}` };
    const first = await gql(url, CREATE, { input, c: 'PROJECTED' }, alice.token);
    expect(first.errors).toBeUndefined();
    expect(first.data.createOrder.order).toMatchObject({ id: first.data.createOrder.orderId });
    const again = await gql(url, CREATE, { input, c: 'EVENTUAL' }, alice.token);
    expect(again.data.createOrder.orderId).toBe(first.data.createOrder.orderId);
    const other = await gql(url, CREATE, { input }, bob.token);
    expect(other.data.createOrder.orderId).not.toBe(first.data.createOrder.orderId);
  });

  it("refuses a customer reading or cancelling another customer's order", async () => {
    const sku = await product(3);
    const id = await order(alice.token, [{ sku, quantity: 1 }]);
    // An order not yet projected reads as null to everyone; once it is, only its owner sees it.
    await waitFor('the order to be readable by its owner', async () => (await read(id, alice.token))?.id === id);
    expect(codes(await gql(url, ORDER, { id }, bob.token))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, `mutation X($id: ID!) { cancelOrder(id: $id) { version } }`, { id }, bob.token))).toEqual(['FORBIDDEN']);
  });

  it('finishes a saga after the order app is killed (SIGKILL) in the middle of it and restarted', async () => {
    const sku = await product(3);
    // With the payment service down the saga stops half way: stock reserved, payment requested,
    // outcome outstanding. Only then is the order app killed, so the saga is provably in flight.
    await system.kill('payment');
    const id = await order(alice.token, [{ sku, quantity: 1 }]);
    await waitFor('the saga to await the payment', async () => (await read(id))?.status === 'AWAITING_PAYMENT', { timeoutMs: 30000, intervalMs: 100 });
    await system.kill('order');
    await Promise.all([system.respawn('payment'), system.respawn('order')]);

    // The queued request is processed (CONFIRMED), unless the deadline, armed before the kill and
    // kept across it, fired first (PAYMENT_TIMEOUT): either way the saga ends and the stock adds up.
    const final = await settled(id, 120000);
    if (final.status === 'CONFIRMED') expect(final.payment).toMatchObject({ status: 'PROCESSED' });
    else expect(final).toMatchObject({ status: 'CANCELLED', cancellationReason: 'PAYMENT_TIMEOUT' });
    const sold = final.status === 'CONFIRMED' ? 1 : 0;
    await waitFor('the reservation to be settled', async () => {
      const p = await stock(sku);
      return p.reserved === 0 && p.available === 3 - sold;
    });
  });

  it('lists the history of an order stream in version order', async () => {
    const sku = await product(2);
    const id = await order(alice.token, [{ sku, quantity: 1 }]);
    await settled(id);
    const EVENTS = `query E($s: String!) { events(streamId: $s) { streamId version type schemaVersion payload position } }`;
    const history = await waitFor('the order history', async () => {
      const e = (await gql(url, EVENTS, { s: `order-${id}` }, alice.token)).data?.events;
      return e?.length === 3 ? e : undefined;
    });
    expect(history.map((e: { type: string }) => e.type)).toEqual(['OrderCreated', 'OrderAwaitingPayment', 'OrderConfirmed']);
    expect(history.map((e: { version: number }) => e.version)).toEqual([1, 2, 3]);
    expect(history[0].payload).toMatchObject({ orderId: id, userId: alice.id });
    expect(JSON.stringify(history)).not.toContain('tok_');
    expect(codes(await gql(url, EVENTS, { s: `order-${id}` }, bob.token))).toEqual(['FORBIDDEN']);
  });

  it.each([
    ['quantity 0', [{ sku: 'X', quantity: 0 }]],
    ['a negative quantity', [{ sku: 'X', quantity: -1 }]],
    ['a quantity over 1000', [{ sku: 'X', quantity: 1001 }]],
    ['no lines', []],
    ['51 lines', Array.from({ length: 51 }, (_, i) => ({ sku: `X${i}`, quantity: 1 }))],
  ])('refuses an order with %s as BAD_USER_INPUT', async (_, lines) => {
    const r = await gql(url, CREATE, { input: { lines, paymentToken: 'tok_visa' } }, alice.token);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });
});
