import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { loadConfig, namespaced } from '@app/config';
import { type EventEnvelope, OrderAwaitingPayment, OrderConfirmed, OrderCreated, TOPICS } from '@app/events';
import { encodeEnvelope, listDeadLetters, PRODUCER_CONFIG } from '@app/messaging';
import { envelopeOf } from '../../apps/consumers/test/support/envelope.fixture';
import { codes, gql } from '../support/graphql-client';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

const LIST = `query L($g: String!, $first: Int, $after: String) { deadLetters(group: $g, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id group topic partition offset errorCode errorMessage attempts deadLetteredAt event { eventId type schemaVersion streamId payload } } } } }`;
const REDRIVE = `mutation R($g: String!, $ids: [ID!]!) { redriveDeadLetters(group: $g, ids: $ids) }`;
const DISCARD = `mutation D($g: String!, $ids: [ID!]!, $reason: String!) { discardDeadLetters(group: $g, ids: $ids, reason: $reason) }`;
const ORDER = `query O($id: ID!) { order(id: $id) { id status version } }`;
const STATUS = `{ systemStatus { groups { group deadLetters } } }`;

type Entry = { id: string; topic: string; errorCode: string; attempts: number; event: { eventId: string; type: string } | null };

/**
 * Issue 12, item 4: dead letters administered through the real gateway (as its own Kafka user: it
 * reads every group's dead letters, writes none) and `npm run dlq`. An order event that arrives
 * before its order is dead-lettered by the projections and the notifications; once the order's
 * first events are in, a redrive puts it back to the projections alone and the order shows
 * CONFIRMED; the notifications' entry is discarded with a reason. Both are in the group's audit
 * log, with the admin who did it.
 */
describe('dead letters, administered', () => {
  const system = new System();
  const kafka = new Kafka({ clientId: `dlq-e2e-${randomUUID().slice(0, 8)}`, brokers: loadConfig().kafka.brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer(PRODUCER_CONFIG);
  const projections = namespaced('consumers.projections');
  const notifications = namespaced('consumers.notifications');
  const [orderId, userId] = [randomUUID(), randomUUID()];
  const lines = [{ sku: `DLQ-${orderId.slice(0, 8)}`, quantity: 1 }];
  const confirmed = envelopeOf(OrderConfirmed, { orderId, paymentId: randomUUID(), totalCents: 500 }, { aggregateId: orderId, streamVersion: 3 });
  let adminToken: string;
  let customerToken: string;

  const publish = (e: EventEnvelope) => producer.send({ topic: TOPICS.orders, acks: -1, messages: [encodeEnvelope(e)] });
  const list = async (group: string, token = adminToken, first = 20, after?: string) => {
    const res = await gql(system.gatewayUrl, LIST, { g: group, first, after }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.deadLetters as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { cursor: string; node: Entry }[] };
  };
  const entryOf = async (group: string): Promise<Entry | undefined> => (await list(group, adminToken, 100)).edges.map((e) => e.node).find((n) => n.event?.eventId === confirmed.eventId);
  const dlq = async (...args: string[]) => (await promisify(execFile)('npx', ['tsx', 'scripts/dlq/cli.ts', ...args, '--url', system.gatewayUrl], { env: process.env })).stdout;

  beforeAll(async () => {
    await system.start();
    await producer.connect();
    adminToken = await waitFor('the seeded admin to log in', async () => (await gql(system.gatewayUrl, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`)).data?.login?.token as string | undefined);
    const registered = await gql(system.gatewayUrl, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token } }`, { i: { email: `dlq-${randomUUID()}@example.test`, name: 'C', password: 'correct horse' } });
    customerToken = registered.data.registerUser.token as string;
    // The confirmation before anything else of its order: no view to update, no owner to mail.
    await publish(confirmed);
  });
  afterAll(async () => {
    await producer.disconnect();
    await system.stop();
  });

  it('is for admins only, and only for groups of the system', async () => {
    expect(codes(await gql(system.gatewayUrl, LIST, { g: projections }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(system.gatewayUrl, LIST, { g: projections }, customerToken))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(system.gatewayUrl, REDRIVE, { g: projections, ids: ['0:0'] }, customerToken))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(system.gatewayUrl, DISCARD, { g: projections, ids: ['0:0'], reason: 'x' }, customerToken))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(system.gatewayUrl, LIST, { g: 'elsewhere.consumers.projections' }, adminToken))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(system.gatewayUrl, DISCARD, { g: projections, ids: ['0:0'], reason: ' ' }, adminToken))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(system.gatewayUrl, REDRIVE, { g: projections, ids: ['not-an-id'] }, adminToken))).toEqual(['BAD_USER_INPUT']);
  });

  it('lists a dead letter with its error, attempts and the original event', async () => {
    const entry = await waitFor('the projections to dead-letter the early confirmation', () => entryOf(projections), { timeoutMs: 60_000 });
    expect(entry).toMatchObject({ topic: TOPICS.orders, errorCode: 'ORDER_VIEW_MISSING', attempts: 5, event: { eventId: confirmed.eventId, type: 'OrderConfirmed' } });
    const page = await list(projections, adminToken, 1);
    expect(page.edges).toHaveLength(1);
    if (page.pageInfo.hasNextPage) expect((await list(projections, adminToken, 1, page.pageInfo.endCursor)).edges[0].node.id).not.toBe(page.edges[0].node.id);
    const status = (await gql(system.gatewayUrl, STATUS, {}, adminToken)).data.systemStatus.groups as { group: string; deadLetters: number }[];
    expect(status.find((g) => g.group === projections)?.deadLetters).toBe(page.totalCount);
  });

  it('redrives it to its group alone once the cause is fixed, once', async () => {
    const entry = (await waitFor('the dead letter', () => entryOf(projections), { timeoutMs: 60_000 }))!;
    await publish(envelopeOf(OrderCreated, { orderId, userId, lines }, { aggregateId: orderId, streamVersion: 1 }));
    await publish(envelopeOf(OrderAwaitingPayment, { orderId, lines: [{ ...lines[0], unitPriceCents: 500 }], totalCents: 500 }, { aggregateId: orderId, streamVersion: 2 }));
    await waitFor('the order in the view', async () => (await gql(system.gatewayUrl, ORDER, { id: orderId }, adminToken)).data?.order?.version === 2);

    expect((await gql(system.gatewayUrl, REDRIVE, { g: projections, ids: [entry.id] }, adminToken)).data).toEqual({ redriveDeadLetters: 1 });
    await waitFor('the redriven confirmation', async () => (await gql(system.gatewayUrl, ORDER, { id: orderId }, adminToken)).data?.order?.status === 'CONFIRMED');
    expect(await entryOf(projections)).toBeUndefined();
    expect((await gql(system.gatewayUrl, REDRIVE, { g: projections, ids: [entry.id] }, adminToken)).data).toEqual({ redriveDeadLetters: 0 });
    const [audited] = (await listDeadLetters({ brokers: loadConfig().kafka.brokers, groupId: projections })).filter((d) => d.id === entry.id);
    expect(audited.settled).toMatchObject({ action: 'REDRIVE', ids: [entry.id] });
    expect(audited.settled!.actor).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists, and discards with a reason, from a terminal (npm run dlq)', async () => {
    const entry = (await waitFor('the notifications to dead-letter the early confirmation', () => entryOf(notifications), { timeoutMs: 60_000 }))!;
    expect(entry.errorCode).toBe('ORDER_OWNER_UNKNOWN');
    expect(await dlq('list')).toContain(notifications);
    expect(await dlq('list', notifications)).toContain(`${entry.id}\t`);

    expect(await dlq('discard', notifications, entry.id, '--reason', 'synthetic order of the e2e test')).toContain('discarded: 1 of 1');
    expect(await entryOf(notifications)).toBeUndefined();
    const [audited] = (await listDeadLetters({ brokers: loadConfig().kafka.brokers, groupId: notifications })).filter((d) => d.id === entry.id);
    expect(audited.settled).toMatchObject({ action: 'DISCARD', reason: 'synthetic order of the e2e test' });
    await expect(dlq('discard', notifications, entry.id)).rejects.toMatchObject({ code: 2 });
  });
});
