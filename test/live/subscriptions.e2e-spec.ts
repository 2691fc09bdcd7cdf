import { randomUUID } from 'node:crypto';
import { type Client, createClient } from 'graphql-ws';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { loadConfig } from '@app/config';
import { type EventEnvelope, TOPICS } from '@app/events';
import { createProducer, encodeEnvelope } from '@app/messaging';
import { gql } from '../support/graphql-client';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

const CREATE = `mutation C($input: CreateOrderInput!) { createOrder(input: $input) { orderId } }`;
const ORDER = `query O($id: ID!) { order(id: $id) { id status } }`;
const ADD = `mutation A($sku: ID!, $name: String!, $price: Int!, $stock: Int!) {
  addProduct(sku: $sku, name: $name, priceCents: $price, initialStock: $stock, consistency: PROJECTED) { version } }`;
const ORDER_STATUS = `subscription S($orderId: ID!) { orderStatusChanged(orderId: $orderId) { id userId status totalCents version payment { status } } }`;
const NOTIFICATIONS = `subscription { notificationReceived { id userId channel template status createdAt } }`;

interface Message {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One subscription's messages, as a client sees them. */
class Subscribed {
  readonly messages: Message[] = [];
  readonly failures: unknown[] = [];
  completed = false;

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    client.subscribe<Record<string, any>>({ query, variables }, {
      next: (message) => this.messages.push(message as Message),
      error: (error) => this.failures.push(error),
      complete: () => (this.completed = true),
    });
  }

  data(field: string): any[] {
    return this.messages.filter((m) => m.data).map((m) => m.data![field]);
  }

  /** The codes of errors in messages and of errors the subscription ended with. */
  codes(): (string | undefined)[] {
    const failures = this.failures.flatMap((f) => (Array.isArray(f) ? f : [f])) as { extensions?: { code?: string } }[];
    return [...this.messages.flatMap((m) => m.errors ?? []), ...failures].map((e) => e.extensions?.code);
  }
}

describe('live updates over graphql-ws', () => {
  const system = new System();
  const config = loadConfig();
  const kafka = new Kafka({ clientId: `live-e2e-${randomUUID().slice(0, 8)}`, brokers: config.kafka.brokers, logLevel: logLevel.NOTHING });
  const clients: Client[] = [];
  let producer: Producer;
  let url: string;
  let admin: string;
  let alice: { token: string; id: string };
  let bob: { token: string; id: string };

  const connect = (token?: string, connectionParams: Record<string, unknown> = token ? { authorization: `Bearer ${token}` } : {}) => {
    const client = createClient({ url: system.gatewayWsUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
    clients.push(client);
    return client;
  };
  const customer = async (name: string) => {
    const r = await gql(url, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token user { id } } }`, {
      i: { email: `${name}-${randomUUID().slice(0, 8)}@example.test`, name, password: `password-${name}` },
    });
    return { token: r.data.registerUser.token as string, id: r.data.registerUser.user.id as string };
  };
  const product = async (stock: number, price = 800) => {
    const sku = `SKU-${randomUUID().slice(0, 8)}`;
    expect((await gql(url, ADD, { sku, name: `Kettle ${sku}`, price, stock }, admin)).errors).toBeUndefined();
    return sku;
  };
  const order = async (token: string, sku: string) => {
    const r = await gql(url, CREATE, { input: { lines: [{ sku, quantity: 1 }], paymentToken: 'tok_visa' } }, token);
    expect(r.errors).toBeUndefined();
    return r.data.createOrder.orderId as string;
  };
  const statusOf = async (id: string, token: string) => (await gql(url, ORDER, { id }, token)).data?.order?.status as string | undefined;

  beforeAll(async () => {
    await system.start();
    url = system.gatewayUrl;
    admin = await waitFor('the seeded admin to log in', async () => {
      const r = await gql(url, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`);
      return r.data?.login?.token as string | undefined;
    });
    [alice, bob] = [await customer('alice'), await customer('bob')];
    producer = createProducer(kafka);
    await producer.connect();
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await producer?.disconnect();
    await system.stop();
  });

  it('refuses a connection without a valid token', async () => {
    const anonymous = new Subscribed(connect(), NOTIFICATIONS);
    const forged = new Subscribed(connect(undefined, { authorization: 'Bearer not.a.token' }), NOTIFICATIONS);

    for (const refused of [anonymous, forged]) {
      await waitFor('the socket to be closed', () => refused.failures.length > 0);
      expect(refused.failures[0]).toMatchObject({ code: 4403 });
      expect(refused.messages).toEqual([]);
    }
  });

  it("follows a customer's own order from PENDING to CONFIRMED, and no one else's", async () => {
    const sku = await product(10);
    // Bob follows his own order (already through the saga) the whole time: he must see nothing
    // of Alice's.
    const bobOrder = await order(bob.token, sku);
    await waitFor("Bob's order to be confirmed", async () => (await statusOf(bobOrder, bob.token)) === 'CONFIRMED', { timeoutMs: 60000 });
    const bobSees = new Subscribed(connect(bob.token), ORDER_STATUS, { orderId: bobOrder });
    await waitFor('Bob to get his order as it is', () => bobSees.messages.length > 0);

    // Hold Alice's order at PENDING: inventory reserves under `SELECT ... FOR UPDATE` on its
    // products, which waits while this table lock is held. LOCK TABLE takes no transaction id,
    // so relays (which wait for every running transaction id) keep publishing meanwhile.
    const hold = new PgClient({ connectionString: loadConfig().databaseUrl });
    await hold.connect();
    let aliceSees: Subscribed;
    let aliceOrder: string;
    try {
      await hold.query('BEGIN');
      await hold.query('LOCK TABLE inventory.products IN EXCLUSIVE MODE');
      aliceOrder = await order(alice.token, sku);
      await waitFor("Alice's order to be projected", async () => (await statusOf(aliceOrder, alice.token)) === 'PENDING', { timeoutMs: 30000 });
      aliceSees = new Subscribed(connect(alice.token), ORDER_STATUS, { orderId: aliceOrder });
      await waitFor('Alice to get her order as it is', () => aliceSees.messages.length > 0);
    } finally {
      await hold.query('COMMIT').catch(() => undefined);
      await hold.end();
    }
    const confirmed = (s: Subscribed) => s.data('orderStatusChanged').some((o) => o.status === 'CONFIRMED');
    await waitFor("Alice's order to be confirmed live", () => confirmed(aliceSees), { timeoutMs: 90000, intervalMs: 250 });

    const orders = aliceSees.data('orderStatusChanged');
    expect(aliceSees.codes()).toEqual([]);
    expect(orders.every((o) => o.id === aliceOrder && o.userId === alice.id)).toBe(true);
    expect(orders[0].status).toBe('PENDING');
    expect(orders.at(-1)).toMatchObject({ status: 'CONFIRMED', totalCents: 800 });
    expect(['PENDING>CONFIRMED', 'PENDING>AWAITING_PAYMENT>CONFIRMED']).toContain(orders.map((o) => o.status).join('>'));
    const versions = orders.map((o) => o.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);

    expect(bobSees.codes()).toEqual([]);
    expect(bobSees.data('orderStatusChanged').map((o) => [o.id, o.status])).toEqual([[bobOrder, 'CONFIRMED']]);
  });

  it("refuses to follow another customer's order, or one that does not exist", async () => {
    const id = await order(alice.token, await product(1));
    await waitFor('the order to be projected', async () => (await statusOf(id, alice.token)) !== undefined);
    const client = connect(bob.token);

    const others = new Subscribed(client, ORDER_STATUS, { orderId: id });
    const missing = new Subscribed(client, ORDER_STATUS, { orderId: randomUUID() });

    await waitFor('both refusals', () => others.completed && missing.completed, { timeoutMs: 15000 });
    expect(others.codes()).toEqual(['FORBIDDEN']);
    expect(missing.codes()).toEqual(['NOT_FOUND']);
    expect([...others.data('orderStatusChanged'), ...missing.data('orderStatusChanged')].filter(Boolean)).toEqual([]);
  });

  describe('notificationReceived', () => {
    const notificationFor = (userId: string, channel: 'PUSH' | 'EMAIL'): EventEnvelope => {
      const notificationId = randomUUID();
      return {
        eventId: randomUUID(),
        type: 'NotificationCreated',
        schemaVersion: 1,
        streamId: `notification-${notificationId}`,
        aggregateId: notificationId,
        streamVersion: 1,
        occurredAt: new Date().toISOString(),
        payload: { notificationId, userId, channel, template: 'ORDER_CONFIRMED', status: channel === 'PUSH' ? 'SENT' : 'PENDING', subjectId: null },
        metadata: { correlationId: randomUUID(), causationId: null, userId: null },
      };
    };
    // One partition for all: what is sent first is delivered first, so "nothing else arrived
    // before the last one" means nothing else will. Only the gateway reads notifications.events.
    const publish = (...envelopes: EventEnvelope[]) =>
      producer.send({ topic: TOPICS.notifications, messages: envelopes.map((e) => ({ ...encodeEnvelope(e), partition: 0 })) });
    /** Sends probes until the subscription gets one: from then on it is listening. */
    const listening = async (seen: Subscribed, userId: string) => {
      const probes = new Set<string>();
      await waitFor('the subscription to listen', async () => {
        const probe = notificationFor(userId, 'PUSH');
        probes.add(probe.aggregateId);
        await publish(probe);
        return seen.messages.length > 0;
      }, { intervalMs: 500 });
      return probes;
    };

    it("delivers the caller's own PUSH notifications, and neither EMAIL ones nor anyone else's", async () => {
      // Two customers of their own, with no orders: no real notification can arrive for them here.
      const [dave, erin] = [await customer('dave'), await customer('erin')];
      const daveSees = new Subscribed(connect(dave.token), NOTIFICATIONS);
      const erinSees = new Subscribed(connect(erin.token), NOTIFICATIONS);
      const probes = new Set([...(await listening(daveSees, dave.id)), ...(await listening(erinSees, erin.id))]);
      const [daveMail, davePush, erinPush] = [notificationFor(dave.id, 'EMAIL'), notificationFor(dave.id, 'PUSH'), notificationFor(erin.id, 'PUSH')];

      await publish(daveMail, davePush, erinPush);

      const received = (s: Subscribed) => s.data('notificationReceived').filter((n) => !probes.has(n.id));
      await waitFor('both notifications', () => received(daveSees).length > 0 && received(erinSees).length > 0);
      expect(received(daveSees)).toEqual([
        { id: davePush.aggregateId, userId: dave.id, channel: 'PUSH', template: 'ORDER_CONFIRMED', status: 'SENT', createdAt: davePush.occurredAt },
      ]);
      expect(received(erinSees).map((n) => n.id)).toEqual([erinPush.aggregateId]);
      expect([...daveSees.codes(), ...erinSees.codes()]).toEqual([]);
    });

    it(
      'delivers the PUSH notification recorded for a confirmed order',
      async () => {
        const carol = await customer('carol');
        const seen = new Subscribed(connect(carol.token), NOTIFICATIONS);
        const probes = await listening(seen, carol.id);

        await order(carol.token, await product(1));

        const pushed = await waitFor('the ORDER_CONFIRMED push', () => seen.data('notificationReceived').find((n) => !probes.has(n.id) && n.template === 'ORDER_CONFIRMED'), {
          timeoutMs: 90000,
          intervalMs: 250,
        });
        expect(pushed).toMatchObject({ userId: carol.id, channel: 'PUSH', status: 'SENT' });
      },
    );
  });
});
