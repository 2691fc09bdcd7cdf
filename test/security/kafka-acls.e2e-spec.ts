import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { COMMANDS, replyTopic } from '@app/commands';
import { loadConfig, namespaced, type AppName } from '@app/config';
import { TOPICS } from '@app/events';
import { PRODUCER_CONFIG } from '@app/messaging';
import { appKafkaEnv } from '../../scripts/kafka/local';
import { gql } from '../support/graphql-client';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

/** A client with `app`'s own Kafka user and password, as the System started it. */
const clientOf = (app: AppName, password?: string): KafkaConfig => {
  const env = appKafkaEnv(app);
  return {
    clientId: `acl-e2e-${app}`,
    brokers: env.KAFKA_BROKERS.split(','),
    sasl: { mechanism: 'scram-sha-512', username: env.KAFKA_USERNAME, password: password ?? env.KAFKA_PASSWORD },
    logLevel: logLevel.NOTHING,
  };
};

/** What the broker answers when `app` writes one message to `topic`: 'written' or the error's type. */
const tryWrite = async (app: AppName, topic: string, value: string): Promise<string> => {
  const producer = new Kafka(clientOf(app)).producer(PRODUCER_CONFIG);
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key: 'forged', value }] });
    return 'written';
  } catch (error) {
    return (error as { type?: string }).type ?? String(error);
  } finally {
    await producer.disconnect();
  }
};

/** Messages on `topic` so far, read through the stack's operator door (not an app's user). */
const endOffsets = async (topic: string): Promise<number> => {
  const admin = new Kafka({ clientId: 'acl-e2e-door', brokers: loadConfig().kafka.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
};

/**
 * Issue 11, item 1: the broker holds every app to its own Kafka user and ACLs
 * (scripts/kafka/access.ts). The whole system runs that way (test/support/system.ts connects each
 * app to the local broker's SASL/SCRAM listener as its own user), so an order confirmed end to end
 * shows the grants are enough; the forgeries below, each with a real app's real credentials, show
 * they are no more than that.
 */
describe('Kafka holds every app to its own user and ACLs', () => {
  const system = new System();
  const run = randomUUID().slice(0, 8);

  beforeAll(() => system.start());
  afterAll(() => system.stop());

  it('runs the whole system with each app as its own SASL user', async () => {
    for (const app of ['gateway', 'order', 'user', 'payment', 'consumers'] as const) {
      expect(appKafkaEnv(app)).toMatchObject({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: `commerce-${app}` });
    }
    const url = system.gatewayUrl;
    const admin = await waitFor('the seeded admin to log in', async () => {
      const r = await gql(url, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`);
      return r.data?.login?.token as string | undefined;
    });
    const sku = `ACL-${run}`;
    expect((await gql(url, `mutation { addProduct(sku: "${sku}", name: "Acl", priceCents: 700, initialStock: 3, consistency: PROJECTED) { version } }`, {}, admin)).errors).toBeUndefined();
    const registered = await gql(url, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token } }`, { i: { email: `acl-${run}@example.test`, name: 'Acl', password: `pw-${run}-long` } });
    const token = registered.data.registerUser.token as string;
    const created = await gql(url, `mutation { createOrder(input: { lines: [{ sku: "${sku}", quantity: 1 }], paymentToken: "tok_visa" }) { orderId } }`, {}, token);
    expect(created.errors).toBeUndefined();
    const orderId = created.data.createOrder.orderId as string;
    await waitFor('the order to be confirmed', async () => {
      const r = await gql(url, `query O($id: ID!) { order(id: $id) { status } }`, { id: orderId }, token);
      return r.data?.order?.status === 'CONFIRMED';
    }, { timeoutMs: 60_000, intervalMs: 250 });
  });

  it('refuses a charge forged with the gateway\'s credentials, and the topic is unchanged', async () => {
    const before = await endOffsets(COMMANDS.processPayment);
    const forged = JSON.stringify({ commandId: randomUUID(), data: { orderId: randomUUID(), amountCents: 1, paymentToken: 'tok_visa' }, issuedBy: { userId: 'x', role: 'ADMIN' } });

    expect(await tryWrite('gateway', COMMANDS.processPayment, forged)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await endOffsets(COMMANDS.processPayment)).toBe(before);
  });

  it('lets no one but the user service answer a login', async () => {
    const reply = replyTopic(COMMANDS.authenticateUser);
    const before = await endOffsets(reply);
    const forged = JSON.stringify({ response: { ok: true, value: { userId: 'x', role: 'ADMIN' } } });

    for (const app of ['gateway', 'order', 'payment', 'consumers'] as const) {
      expect([app, await tryWrite(app, reply, forged)]).toEqual([app, 'TOPIC_AUTHORIZATION_FAILED']);
    }
    expect(await endOffsets(reply)).toBe(before);
  });

  it('lets each service write only its own events', async () => {
    expect(await tryWrite('gateway', TOPICS.orders, '{}')).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await tryWrite('order', TOPICS.payments, '{}')).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await tryWrite('payment', TOPICS.users, '{}')).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await tryWrite('consumers', TOPICS.orders, '{}')).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it('keeps the login commands from every reader but the user service', async () => {
    // A group the payment user may use (its own name prefix), on a topic it may not read.
    const spy = new Kafka(clientOf('payment')).consumer({ groupId: namespaced(`payment-spy-${run}`) });
    const crashed = new Promise<string>((resolve) => spy.on(spy.events.CRASH, ({ payload }) => resolve(payload.error.message)));
    await spy.connect();
    try {
      await spy.subscribe({ topics: [COMMANDS.authenticateUser], fromBeginning: true });
      await spy.run({ eachMessage: async () => undefined });
      expect(await crashed).toBe('Not authorized to access topics: [Topic authorization failed]');
    } finally {
      await spy.disconnect();
    }
  });

  it('refuses a wrong password and a client without credentials', async () => {
    const wrong = new Kafka({ ...clientOf('gateway', 'not-the-password'), retry: { retries: 0 } }).admin();
    await expect(wrong.connect()).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });

    const anonymous = new Kafka({ clientId: 'acl-e2e-anonymous', brokers: appKafkaEnv('gateway').KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 2000, requestTimeout: 3000 }).admin();
    await expect(anonymous.connect().then(() => anonymous.listTopics())).rejects.toBeDefined();
    await anonymous.disconnect();
  });
});
