import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client as Elasticsearch } from '@elastic/elasticsearch';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { loadConfig, NAMESPACE } from '@app/config';
import { deadLetterTopic, TOPICS } from '@app/events';
import { encodeEnvelope, ensureTopics, PRODUCER_CONFIG } from '@app/messaging';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { AppModule } from '../src/app.module';
import { CONSUMERS, startConsumers } from '../src/consumers';
import { SEARCH_INDICES, USERS_ALIAS } from '../src/search/search-indices';
import { mailsTo } from './support/mails-to';
import { userRegistered } from './support/user-registered.fixture';

assertTestDatabase();

const config = loadConfig();
const run = randomUUID().slice(0, 8);
const groupIdPrefix = `e2e-${run}.`;
/** Stands for a dev system (or another run) on the same broker: its own namespace, its own history. */
const OTHER = `other-${run}`;
const otherUsersTopic = TOPICS.users.replace(`${NAMESPACE}.`, `${OTHER}.`);

describe('environment namespaces (COMMERCE_NAMESPACE)', () => {
  let app: INestApplication;
  let db: DataSource;
  let es: Elasticsearch;
  let producer: Producer;
  let admin: Admin;

  beforeAll(async () => {
    const kafka = new Kafka({ clientId: `namespace-e2e-${run}`, brokers: config.kafka.brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer(PRODUCER_CONFIG);
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    await ensureTopics(config.kafka, [{ topic: otherUsersTopic, numPartitions: 1 }]);
    es = new Elasticsearch({ node: config.elasticsearchNode });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await startConsumers(app, { groupIdPrefix, server: { maxWaitTimeInMs: 500 } });
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    if (admin) {
      const groups = CONSUMERS.map((c) => `${groupIdPrefix}${c.groupId}`);
      await admin.deleteGroups(groups).catch(() => undefined);
      await admin.deleteTopics({ topics: [otherUsersTopic, ...groups.map(deadLetterTopic)] }).catch(() => undefined);
      await admin.disconnect();
    }
    await es?.close();
  });

  it('names every topic, group and index in this environment\'s namespace', () => {
    expect(NAMESPACE).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    for (const topic of Object.values(TOPICS)) expect(topic.startsWith(`${NAMESPACE}.`)).toBe(true);
    for (const consumer of CONSUMERS) expect(consumer.groupId.startsWith(`${NAMESPACE}.`)).toBe(true);
    for (const { alias, index } of SEARCH_INDICES) expect([alias, index].every((n) => n.startsWith(`${NAMESPACE}.`))).toBe(true);
  });

  it("never reads another environment's history: its users are not projected, mailed or indexed here", async () => {
    const theirs = userRegistered();
    const ours = userRegistered();
    // Theirs first: a consumer that read both topics would meet it before ours.
    await producer.send({ topic: otherUsersTopic, acks: -1, messages: [encodeEnvelope(theirs.envelope)] });
    await producer.send({ topic: TOPICS.users, acks: -1, messages: [encodeEnvelope(ours.envelope)] });

    const projected = async (id: string) => (await db.query('SELECT 1 FROM read_model.user_view WHERE id = $1', [id])).length > 0;
    const indexed = async (id: string) => (await es.get({ index: USERS_ALIAS, id }).catch(() => undefined))?.found === true;
    await waitFor('our user projected, indexed and welcomed', async () => (await projected(ours.userId)) && (await indexed(ours.userId)) && (await mailsTo(ours.email)).length > 0, { timeoutMs: 60000, intervalMs: 250 });

    expect(await projected(theirs.userId)).toBe(false);
    expect(await indexed(theirs.userId)).toBe(false);
    expect(await mailsTo(theirs.email)).toEqual([]);
    expect(await db.query('SELECT 1 FROM notifications.deliveries WHERE user_id = $1', [theirs.userId])).toEqual([]);
    // No group of ours has even an offset on their topic.
    for (const consumer of CONSUMERS) {
      const offsets = await admin.fetchOffsets({ groupId: `${groupIdPrefix}${consumer.groupId}` });
      expect(offsets.map((o) => o.topic)).not.toContain(otherUsersTopic);
    }
  });
});
