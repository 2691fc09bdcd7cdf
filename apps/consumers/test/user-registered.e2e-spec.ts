import { randomInt, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client as Elasticsearch } from '@elastic/elasticsearch';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { deadLetterTopic, TOPICS, type EventEnvelope } from '@app/events';
import { encodeEnvelope, PRODUCER_CONFIG } from '@app/messaging';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { AppModule } from '../src/app.module';
import { CONSUMERS, startConsumers } from '../src/consumers';
import { USERS_ALIAS } from '../src/search/search-indices';
import { mailsTo } from './support/mails-to';
import { userRegistered } from './support/user-registered.fixture';

assertTestDatabase();

const config = loadConfig();
const run = randomUUID().slice(0, 8);
const groupIdPrefix = `e2e-${run}.`;
const DAY_MS = 86_400_000;

/** Noon UTC of a random day in 2000-2019: a rollup row that no other test or run touches. */
const randomPastDay = (): Date => new Date(Date.UTC(2000, 0, 1) + randomInt(0, 20 * 365) * DAY_MS + DAY_MS / 2);

describe('the consumers app reacting to UserRegistered', () => {
  let app: INestApplication;
  let db: DataSource;
  let es: Elasticsearch;
  let kafka: Kafka;
  let producer: Producer;
  let admin: Admin;

  /** Sends to the real users.events (shared: every query below filters by this test's ids). */
  const produce = async (envelope: EventEnvelope, partition?: number): Promise<number> => {
    const [meta] = await producer.send({ topic: TOPICS.users, acks: -1, messages: [{ ...encodeEnvelope(envelope), partition }] });
    return meta.partition;
  };
  const userView = async (id: string) => (await db.query(`SELECT id, email, name, role, registered_at, version FROM read_model.user_view WHERE id = $1`, [id]))[0];
  const deliveries = (userId: string) =>
    db.query(`SELECT channel, template, status, attempts, last_error, event_id, sent_at FROM notifications.deliveries WHERE user_id = $1`, [userId]);
  const fact = async (userId: string) => (await db.query(`SELECT event_id, signup_day::text AS day, role FROM analytics.fact_user_signups WHERE user_id = $1`, [userId]))[0];
  const signupsOn = async (day: Date): Promise<number> =>
    (await db.query(`SELECT signups FROM analytics.daily_signups WHERE day = $1::date`, [day.toISOString().slice(0, 10)]))[0]?.signups ?? 0;
  const searchByName = async (word: string) => (await es.search<{ id: string }>({ index: USERS_ALIAS, query: { match: { name: word } } })).hits.hits;
  const indexed = async (id: string) => es.get<Record<string, unknown>>({ index: USERS_ALIAS, id }).catch(() => undefined);
  const sentWelcome = async (userId: string) => (await deliveries(userId)).find((d: { status: string }) => d.status === 'SENT');

  beforeAll(async () => {
    kafka = new Kafka({ clientId: `consumers-e2e-${run}`, brokers: config.kafka.brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer(PRODUCER_CONFIG);
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    es = new Elasticsearch({ node: config.elasticsearchNode });

    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    // A short fetch wait only so that closing does not wait out kafkajs' 5 s long poll.
    await startConsumers(app, { groupIdPrefix, server: { maxWaitTimeInMs: 500 } });
    await app.listen(0, '127.0.0.1');
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    if (admin) {
      const groups = CONSUMERS.map((c) => `${groupIdPrefix}${c.groupId}`);
      await admin.deleteGroups(groups).catch(() => undefined);
      await admin.deleteTopics({ topics: groups.map(deadLetterTopic) }).catch(() => undefined);
      await admin.disconnect();
    }
    await es?.close();
  });

  it('projects a new user everywhere and sends one welcome mail, and the same event delivered again changes nothing', async () => {
    const day = randomPastDay();
    const signupsBefore = await signupsOn(day);
    const user = userRegistered({ occurredAt: day, role: 'ADMIN' });

    const partition = await produce(user.envelope);

    const view = await waitFor('the user view', () => userView(user.userId));
    expect(view).toEqual({ id: user.userId, email: user.email, name: user.name, role: 'ADMIN', registered_at: day, version: 1 });

    const [mail] = await waitFor('the welcome mail', async () => (await mailsTo(user.email)).length > 0 && mailsTo(user.email), { intervalMs: 250 });
    expect(mail.mail.subject).toBe('Welcome to Event Shop');
    expect(mail.mail.text).toContain(`Hello ${user.name},`);
    expect(mail.mail.html).toContain(`Hello Ada &lt;${user.word}&gt; &amp; Co,`);
    expect(mail.envelope.from).toBe('shop@example.com');

    await waitFor('the delivery to be marked SENT', () => sentWelcome(user.userId));
    expect(await deliveries(user.userId)).toEqual([
      expect.objectContaining({ channel: 'EMAIL', template: 'WELCOME', status: 'SENT', attempts: 1, last_error: null, event_id: user.envelope.eventId }),
    ]);

    expect(await waitFor('the signup fact', () => fact(user.userId))).toEqual({ event_id: user.envelope.eventId, day: day.toISOString().slice(0, 10), role: 'ADMIN' });
    expect(await signupsOn(day)).toBe(signupsBefore + 1);

    const hits = await waitFor('the user to be searchable by name', async () => (await searchByName(user.word)).length > 0 && searchByName(user.word));
    expect(hits.map((h) => [h._id, h._source])).toEqual([
      [user.userId, { id: user.userId, email: user.email, name: user.name, role: 'ADMIN', registeredAt: user.envelope.occurredAt }],
    ]);

    // The same envelope again, then a sentinel on the same partition: once every consumer has
    // applied the sentinel, each has dealt with the duplicate before it.
    await produce(user.envelope, partition);
    const sentinel = userRegistered();
    await produce(sentinel.envelope, partition);
    await waitFor('the sentinel in every store', async () =>
      Boolean((await userView(sentinel.userId)) && (await fact(sentinel.userId)) && (await indexed(sentinel.userId)) && (await sentWelcome(sentinel.userId))),
    );
    await waitFor('the sentinel mail', async () => (await mailsTo(sentinel.email)).length === 1, { intervalMs: 250 });

    expect(await mailsTo(user.email)).toHaveLength(1);
    expect(await deliveries(user.userId)).toHaveLength(1);
    expect(await signupsOn(day)).toBe(signupsBefore + 1);
    expect(await userView(user.userId)).toEqual(view);
    expect(await indexed(user.userId)).toMatchObject({ _version: 1, _source: { name: user.name } });
  });

  it('upcasts a v1 UserRegistered (no role) and projects the user as a CUSTOMER', async () => {
    const user = userRegistered({ schemaVersion: 1 });
    expect(user.envelope.payload).not.toHaveProperty('role');
    expect(encodeEnvelope(user.envelope).headers['schema-version']).toBe('1');

    await produce(user.envelope);

    expect(await waitFor('the user view', () => userView(user.userId))).toMatchObject({ id: user.userId, email: user.email, role: 'CUSTOMER', version: 1 });
    expect(await waitFor('the signup fact', () => fact(user.userId))).toMatchObject({ role: 'CUSTOMER' });
    expect(await waitFor('the search document', () => indexed(user.userId))).toMatchObject({ _source: { role: 'CUSTOMER' } });
  });
});
