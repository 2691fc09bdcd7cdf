/**
 * B7: the read-model projector, events/s. Ours: the real projections consumer (ProjectionsModule,
 * PROJECTIONS started by connectConsumers, production settings) over order lifecycles: per order
 * OrderCreated, OrderAwaitingPayment, OrderConfirmed and PaymentProcessed, i.e. the event log,
 * order_view upsert and updates, payment_view upsert, and the idempotency claims, in runs of at
 * most 200 events per transaction. Baseline: raw kafkajs `eachBatch` over the same messages and
 * raw `pg`, the same statements (named) in one transaction per fetched batch, 6 partitions at a
 * time (support/projector-raw.ts). Each run starts on empty tables and a fresh group; the rate is
 * events/s from the first batch to the commit of the last offset, and every run must leave the
 * same rows (checked by digest) as the first. Topics are the namespace's (see bench-namespace.ts);
 * each group's offsets are set where the bench's events begin, so it reads them and nothing else.
 */
// First: the namespace guard, then TypeScript's emit (with decorator metadata) for the app's files.
import './support/bench-namespace';
import './support/consumers-sources';
import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { ConfigModule, loadConfig, namespaced } from '@app/config';
import { DatabaseModule } from '@app/database';
import { EVENT_TOPICS, TOPICS, deadLetterTopic } from '@app/events';
import { CONSUMER_MIGRATIONS, ensureTopics } from '@app/messaging';
import { READ_MODEL_MIGRATIONS } from '@app/read-model';
import { PROJECTIONS } from '../apps/consumers/src/projections/projections.consumer';
import { ProjectionsModule } from '../apps/consumers/src/projections/projections.module';
import { ProjectorDb } from './support/projector-db';
import { EVENTS_PER_ORDER, produceLifecycles, startGroupAt, timeToCommitted, type Offsets } from './support/projector-load';
import { rawProjector } from './support/projector-raw';
import { runOurConsumer } from './support/our-consumer';
import { report, sideBySide } from './support/report';

const ROUNDS = 5;
const ORDERS = 5_000;
const EVENTS = ORDERS * EVENTS_PER_ORDER;
/**
 * Raw code would work its partitions in parallel (per-key order holds either way): with the
 * orders topic's 6, the baseline ran about twice as fast here as with kafkajs' default of 1.
 * Ours runs as the consumers app configures it (6 at once too, see consumers.ts).
 */
const RAW_PARTITIONS_CONCURRENTLY = 6;
const DATABASE_URL = process.env.B7_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commerce_bench_projector';
const SCHEMA = 'projector';

process.env.DATABASE_URL = DATABASE_URL;
const { kafka: { brokers: kafkaBrokers } } = loadConfig();
const kafka = new Kafka({ clientId: 'bench-b7', brokers: kafkaBrokers, logLevel: logLevel.NOTHING });
const db = new ProjectorDb(DATABASE_URL, SCHEMA, RAW_PARTITIONS_CONCURRENTLY);
const RUN = randomUUID().slice(0, 8);
/** sideBySide's warm-up run of each side, then its rounds: each run in a group of its own. */
const RUNS = ROUNDS + 1;
// In the namespace, so that dropNamespace finds the groups (and ours' dead-letter topics) after a crash.
const oursPrefix = (n: number) => namespaced(`bench-b7-${RUN}-${n}.`);
const oursGroups = Array.from({ length: RUNS }, (_, n) => `${oursPrefix(n)}${PROJECTIONS.groupId}`);
const rawGroups = Array.from({ length: RUNS }, (_, n) => namespaced(`bench-b7-${RUN}-raw-${n}`));
const next = { ours: 0, raw: 0 };
let events: { starts: Offsets; ends: Offsets };

/** The consumers app's projections only; processed_events lives in the bench's own schema. */
@Module({ imports: [ConfigModule, DatabaseModule.forService({ schema: SCHEMA, migrations: [...CONSUMER_MIGRATIONS, ...READ_MODEL_MIGRATIONS] }), ProjectionsModule] })
class ProjectorBenchModule {}

const run = async (side: string, work: (listen: (consumer: Consumer) => Promise<number>) => Promise<number>) => {
  await db.truncate();
  const ms = await work((consumer) => timeToCommitted(consumer, events.ends));
  await db.verify(side, ORDERS, EVENTS);
  return EVENTS / (ms / 1000);
};

const ours = () => run('ours', (listen) => runOurConsumer(ProjectorBenchModule, PROJECTIONS, oursPrefix(next.ours++), {}, listen));

const apply = rawProjector(db.pool, `"${SCHEMA}"."processed_events"`, PROJECTIONS.name);
const baseline = () =>
  run('baseline', async (listen) => {
    const consumer = kafka.consumer({ groupId: rawGroups[next.raw++], maxWaitTimeInMs: 500 });
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPICS.orders, TOPICS.payments], fromBeginning: true });
    const elapsed = listen(consumer);
    await consumer.run({ partitionsConsumedConcurrently: RAW_PARTITIONS_CONCURRENTLY, eachBatch: ({ batch }) => apply(batch.messages) });
    try {
      return await elapsed;
    } finally {
      await consumer.disconnect();
    }
  });

const main = async () => {
  await db.recreate();
  await (await NestFactory.create(ProjectorBenchModule, { logger: ['error'] })).close(); // migrates
  try {
    await ensureTopics({ brokers: kafkaBrokers }, EVENT_TOPICS);
    console.log(`[bench] B7 producing ${ORDERS} order lifecycles (${EVENTS} events) onto ${TOPICS.orders} and ${TOPICS.payments} (not timed)`);
    events = await produceLifecycles(kafka, ORDERS);
    // kafkajs sets a group's offsets by joining it, seconds per topic: all groups at once, beforehand.
    console.log(`[bench] B7 setting the start offsets of ${2 * RUNS} fresh groups (not timed)`);
    await Promise.all([
      ...oursGroups.map((g) => startGroupAt(kafka, g, events.starts, [TOPICS.users, TOPICS.inventory])),
      ...rawGroups.map((g) => startGroupAt(kafka, g, events.starts)),
    ]);
    const b7 = await sideBySide('B7', ROUNDS, ours, baseline);
    report('B7', b7.ours, b7.baseline, 0.75, 'events/s');
  } finally {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([...oursGroups, ...rawGroups]).catch(() => undefined);
    const existing = new Set(await admin.listTopics());
    await admin.deleteTopics({ topics: [...EVENT_TOPICS.map((t) => t.topic), ...oursGroups.map(deadLetterTopic)].filter((t) => existing.has(t)) }).catch(() => undefined);
    await admin.disconnect();
    await db.pool.end();
    await db.drop();
  }
};

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
