import { randomUUID } from 'node:crypto';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { codes, gql } from '../support/graphql-client';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

/**
 * Low allowances, to reach them through the real gateways. tok_slow keeps an order awaiting its
 * payment for PAYMENT_LOCAL_SLOW_MS, then it is confirmed: the test leaves no payment in flight
 * behind it (a later suite's oracle reads the same stores).
 */
const LIMITS = { LOGIN_FAILURES_PER_ACCOUNT: '3', ORDER_OPEN_LIMIT_PER_CUSTOMER: '2', PAYMENT_LOCAL_SLOW_MS: '4000', CONNECTIONS_PER_CUSTOMER: '3' };

/** A websocket as a browser opens one: connected (acknowledged), or closed with the server's code. */
const openSocket = (url: string, token: string, sockets: Client[]) =>
  new Promise<{ client: Client; closeCode?: number }>((resolve) => {
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
      on: { connected: () => resolve({ client }), closed: (event) => resolve({ client, closeCode: (event as { code?: number }).code }) },
    });
    sockets.push(client);
  });

/**
 * Issue 11, items 5 and 6, with two gateway replicas in front of one system: what one replica
 * counts or revokes, the other enforces, because none of it lives in one gateway alone.
 */
describe('limits and sign-outs hold across gateway replicas', () => {
  const system = new System(LIMITS);
  const replica = new System(LIMITS);
  let a: string;
  let b: string;
  let admin: string;

  const register = async (url: string, email: string, password: string) =>
    (await gql(url, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token } }`, { i: { email, name: 'Replica', password } })).data.registerUser.token as string;
  const login = (url: string, email: string, password: string) => gql(url, `mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: password });
  const order = (url: string, token: string, sku: string) =>
    gql(url, `mutation C($i: CreateOrderInput!) { createOrder(input: $i) { orderId } }`, { i: { lines: [{ sku, quantity: 1 }], paymentToken: 'tok_slow' } }, token);

  beforeAll(async () => {
    await system.start();
    // A second gateway only: it shares the broker, the database and every service with the first.
    await replica.start(['gateway']);
    [a, b] = [system.gatewayUrl, replica.gatewayUrl];
    admin = await waitFor('the seeded admin to log in', async () => (await login(a, 'admin@example.com', 'admin12345')).data?.login?.token as string | undefined);
  });
  afterAll(async () => {
    await replica.stop();
    await system.stop();
  });

  it('counts failed logins of one account across replicas, and holds back the next from an address it never signed in from', async () => {
    const email = `replicas-${randomUUID()}@example.test`;
    await register(a, email, 'correct horse');
    for (const url of [a, b, a]) expect(codes(await login(url, email, 'wrong horse'))).toEqual(['UNAUTHENTICATED']);

    expect(codes(await login(b, email, 'correct horse'))).toEqual(['RATE_LIMITED']);
  });

  it('counts a customer’s open orders across replicas', async () => {
    const sku = `REP-${randomUUID().slice(0, 8)}`;
    expect((await gql(a, `mutation { addProduct(sku: "${sku}", name: "Held", priceCents: 100, initialStock: 10, consistency: PROJECTED) { version } }`, {}, admin)).errors).toBeUndefined();
    const token = await register(a, `holder-${randomUUID()}@example.test`, 'correct horse');

    const held = [await order(a, token, sku), await order(b, token, sku)];
    expect(held.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(codes(await order(a, token, sku))).toEqual(['RATE_LIMITED']);
    expect(codes(await order(b, token, sku))).toEqual(['RATE_LIMITED']);

    // Both are charged (slowly) and confirmed: nothing left holding stock or waiting on a payment.
    for (const id of held.map((r) => r.data.createOrder.orderId as string)) {
      await waitFor(`order ${id} to be confirmed`, async () => (await gql(a, `query O($id: ID!) { order(id: $id) { status } }`, { id }, token)).data?.order?.status === 'CONFIRMED', {
        timeoutMs: 60_000,
        intervalMs: 250,
      });
    }
  });

  it('counts a customer’s websockets across replicas, and frees a place when one closes', async () => {
    const token = await register(a, `sockets-${randomUUID()}@example.test`, 'correct horse');
    const sockets: Client[] = [];
    try {
      const open = [await openSocket(a, token, sockets), await openSocket(b, token, sockets), await openSocket(a, token, sockets)];
      expect(open.map((s) => s.closeCode)).toEqual([undefined, undefined, undefined]);

      expect((await openSocket(b, token, sockets)).closeCode).toBe(4429);
      expect((await openSocket(a, token, sockets)).closeCode).toBe(4429);

      // Closing one on replica a lets the next one in on replica b (the close reaches a's
      // server a moment after the client's dispose resolves: a deadline, not a sleep).
      await open[0].client.dispose();
      await waitFor('a place to free up on the other replica', async () => (await openSocket(b, token, sockets)).closeCode === undefined, { timeoutMs: 10_000, intervalMs: 100 });
      expect((await openSocket(a, token, sockets)).closeCode).toBe(4429);
    } finally {
      await Promise.all(sockets.map((socket) => socket.dispose()));
    }
  });

  it('signs out on one replica and is refused on the other', async () => {
    const email = `signout-${randomUUID()}@example.test`;
    const token = await register(a, email, 'correct horse');
    expect((await gql(b, `{ me { email } }`, {}, token)).data.me.email).toBe(email);

    expect(await gql(a, `mutation { logout }`, {}, token)).toEqual({ data: { logout: true } });
    await waitFor('the other replica to refuse the token', async () => codes(await gql(b, `{ me { email } }`, {}, token))[0] === 'UNAUTHENTICATED', { timeoutMs: 10_000, intervalMs: 100 });
  });
});
