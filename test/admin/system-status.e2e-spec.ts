import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { loadConfig, namespaced } from '@app/config';
import { deadLetterAuditTopic, deadLetterTopic } from '@app/events';
import { encodeAuditRecord, ensureTopics } from '@app/messaging';
import { codes, gql } from '../support/graphql-client';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

const STATUS = `{ systemStatus { groups { group lag lagSeconds deadLetters members } relays { schema leader lag } rebuilds { id } } }`;
type Group = { group: string; lag: number; lagSeconds: number; deadLetters: number; members: number };

/**
 * Issue 12, item 2 (systemStatus): the admin's view of every consumer group and relay, through the
 * real gateway (as its own Kafka user, with its grants) over the real broker and stores. A group
 * the test parks behind its topic, and dead letters it puts on that group's dead-letter topic,
 * give known figures to find.
 */
describe('systemStatus', () => {
  const system = new System();
  const kafka = new Kafka({ clientId: `status-e2e-${randomUUID().slice(0, 8)}`, brokers: loadConfig().kafka.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const parked = namespaced(`consumers.status-e2e-${randomUUID().slice(0, 8)}`);
  const topic = namespaced(`status-e2e.${randomUUID().slice(0, 8)}`);
  let adminToken: string;

  beforeAll(async () => {
    await system.start();
    await admin.connect();
    adminToken = await waitFor('the seeded admin to log in', async () => (await gql(system.gatewayUrl, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`)).data?.login?.token as string | undefined);
    // A group that consumed nothing of its topic: committed at the start, three messages behind.
    await ensureTopics({ brokers: loadConfig().kafka.brokers }, [{ topic, numPartitions: 2 }, { topic: deadLetterTopic(parked), numPartitions: 1 }, { topic: deadLetterAuditTopic(parked), numPartitions: 1 }]);
    await admin.setOffsets({ groupId: parked, topic, partitions: [{ partition: 0, offset: '0' }, { partition: 1, offset: '0' }] });
    const producer = kafka.producer();
    await producer.connect();
    const sentAt = Date.now();
    await producer.send({ topic, messages: [{ partition: 0, value: 'a', timestamp: String(sentAt - 5000) }, { partition: 0, value: 'b' }, { partition: 1, value: 'c' }] });
    // Two dead letters, the first of them discarded already (its group's audit log says so).
    await producer.send({ topic: deadLetterTopic(parked), messages: [{ value: 'x' }, { value: 'y' }] });
    const discarded = { action: 'DISCARD' as const, ids: ['0:0'], actor: 'status-e2e', reason: 'test', at: new Date().toISOString(), commandId: randomUUID() };
    await producer.send({ topic: deadLetterAuditTopic(parked), messages: [encodeAuditRecord(discarded)] });
    await producer.disconnect();
  });
  afterAll(async () => {
    await admin.deleteGroups([parked]).catch(() => undefined);
    await admin.deleteTopics({ topics: [topic, deadLetterTopic(parked), deadLetterAuditTopic(parked)] }).catch(() => undefined);
    await admin.disconnect();
    await system.stop();
  });

  it('is for admins only', async () => {
    expect(codes(await gql(system.gatewayUrl, STATUS))).toEqual(['UNAUTHENTICATED']);
    const customer = (await gql(system.gatewayUrl, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token } }`, { i: { email: `status-${randomUUID()}@example.test`, name: 'C', password: 'correct horse' } })).data.registerUser.token as string;
    expect(codes(await gql(system.gatewayUrl, STATUS, {}, customer))).toEqual(['FORBIDDEN']);
  });

  it('gives each group its lag, the age of its oldest unconsumed message, its dead letters and its members', async () => {
    const { data, errors } = await gql(system.gatewayUrl, STATUS, {}, adminToken);
    expect(errors).toBeUndefined();
    const groups = data.systemStatus.groups as Group[];

    const behind = groups.find((g) => g.group === parked);
    expect(behind).toMatchObject({ lag: 3, deadLetters: 1, members: 0 });
    // The oldest of the three was stamped five seconds before the others.
    expect(behind!.lagSeconds).toBeGreaterThanOrEqual(5);
    expect(behind!.lagSeconds).toBeLessThan(120);

    // The system's own consumers, running and caught up (the test's System has just started).
    const projections = await waitFor('the projections group to be caught up', async () => {
      const status = await gql(system.gatewayUrl, STATUS, {}, adminToken);
      const found = (status.data.systemStatus.groups as Group[]).find((g) => g.group === namespaced('consumers.projections'));
      return found && found.lag === 0 ? found : undefined;
    });
    expect(projections).toMatchObject({ lagSeconds: 0, members: 1 });
    expect(groups.map((g) => g.group)).toEqual(expect.arrayContaining([namespaced('order.saga'), namespaced('consumers.search'), namespaced('user-commands')]));
    // Plumbing is left out: the gateways' reply and live-update groups.
    expect(groups.filter((g) => g.group.startsWith(namespaced('gateway-')))).toEqual([]);
    // The latest rebuild jobs, at most ten (what they show: test/rebuild/read-model-rebuild).
    expect(data.systemStatus.rebuilds.length).toBeLessThanOrEqual(10);
  });

  it('gives each event store\'s relay its leader and lag', async () => {
    const { data } = await gql(system.gatewayUrl, STATUS, {}, adminToken);
    const relays = data.systemStatus.relays as { schema: string; leader: string | null; lag: number }[];
    for (const schema of ['users', 'orders', 'payments', 'inventory', 'notifications']) {
      const relay = relays.find((r) => r.schema === schema);
      expect([schema, relay?.leader]).toEqual([schema, expect.stringMatching(new RegExp(`^${schema}-event-store \\(pid \\d+\\)$`))]);
      expect(relay!.lag).toBeGreaterThanOrEqual(0);
    }
  });
});
