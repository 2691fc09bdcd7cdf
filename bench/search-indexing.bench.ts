/**
 * B10: search indexing, documents/s. Ours: the real search consumer (SearchModule, SEARCH started
 * by connectConsumers, production settings) indexing OrderCreated events. Orders are the main
 * indexing load: every order is a document, rewritten by each of its events, while products are a
 * catalogue written once each. Baseline: raw kafkajs `eachBatch` over the same messages, each
 * batch decoded into the same documents (same ids, fields, external versions) and written with
 * `helpers.bulk` before kafkajs commits, i.e. the same read-index-commit work and the same
 * at-least-once guarantee; an in-memory array would leave Kafka out of the baseline only. It knows
 * the product names from the catalogue in hand, where ours looks them up: that lookup is part of
 * what ours costs. Each run starts on a fresh empty orders index (same mapping and settings, no
 * forced refresh) and a fresh group; the rate is documents/s from the first batch to the commit
 * of the last, checked afterwards by a count with refresh and sampled documents. Topics and
 * indices are those of the bench's namespace (see bench-namespace.ts).
 */
// First: the namespace guard, then TypeScript's emit (with decorator metadata) for the app's files.
import './support/bench-namespace';
import './support/consumers-sources';
import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { Pool } from 'pg';
import { ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { EVENT_TOPICS, OrderCreated, TOPICS, deadLetterTopic, type EventEnvelope } from '@app/events';
import { CONSUMER_MIGRATIONS, decodeEnvelope, ensureTopics } from '@app/messaging';
import { SearchModule } from '../apps/consumers/src/search/search.module';
import { SEARCH } from '../apps/consumers/src/search/search.consumer';
import { ORDERS_ALIAS } from '../apps/consumers/src/search/search-indices';
import { BENCH_DATABASE_URL } from './support/bench-db';
import { runOurConsumer } from './support/our-consumer';
import { report, sideBySide } from './support/report';
import { createIndices, deleteIndices, freshOrdersIndex, indexChecker } from './support/search-bench-es';
import { orderDocument, produceOrders, timeToCommitted } from './support/search-bench-load';
import { ensureDatabase } from '../scripts/stack/postgres';

const ROUNDS = 5;
const DOCS = 20_000;
/** One batch in flight per partition of orders.events, as SEARCH runs: the fastest raw setting measured. */
const RAW_PARTITIONS_CONCURRENTLY = 6;

process.env.DATABASE_URL = BENCH_DATABASE_URL;
const { kafka: { brokers: kafkaBrokers }, elasticsearchNode } = loadConfig();
const RUN = randomUUID().slice(0, 8);
const BENCH_ORDERS_TOPIC = TOPICS.orders;
/** The search consumer's topics, in the bench's namespace. */
const BENCH_TOPICS = EVENT_TOPICS.filter((t) => [TOPICS.users, TOPICS.inventory, TOPICS.orders].includes(t.topic));
const SCHEMA = `bench_b10_${RUN}`;
const kafka = new Kafka({ clientId: 'bench-b10', brokers: kafkaBrokers, logLevel: logLevel.NOTHING });
const es = new Client({ node: elasticsearchNode });
const pool = new Pool({ connectionString: BENCH_DATABASE_URL, max: 1 });
const groups: string[] = [];
const verify = indexChecker(es, DOCS);
let ends: Map<number, bigint>;

/** The consumers app's search part only: its processed_events live in a schema of the bench. */
@Module({ imports: [ConfigModule, DatabaseModule.forService({ schema: SCHEMA, migrations: CONSUMER_MIGRATIONS }), SearchModule] })
class SearchBenchModule {}

/** One run on a fresh index; `work` starts its consumer and returns what `listen` times. */
const run = async (side: string, work: (listen: (consumer: Consumer) => Promise<number>) => Promise<number>) => {
  await freshOrdersIndex(es);
  const ms = await work((consumer) => timeToCommitted(consumer, BENCH_ORDERS_TOPIC, ends));
  await verify(side);
  return DOCS / (ms / 1000);
};

const ours = () =>
  run('ours', async (listen) => {
    const groupIdPrefix = `bench-b10-${RUN}-${groups.length}.`;
    groups.push(`${groupIdPrefix}${SEARCH.groupId}`);
    // The same event ids are claimed again each round (the table exists once the app has migrated).
    return runOurConsumer(SearchBenchModule, SEARCH, groupIdPrefix, {}, listen, () => pool.query(`TRUNCATE "${SCHEMA}"."processed_events"`));
  });

const baseline = () =>
  run('baseline', async (listen) => {
    groups.push(`bench-b10-${RUN}-raw-${groups.length}`);
    const consumer = kafka.consumer({ groupId: groups.at(-1)!, maxWaitTimeInMs: 500 });
    await consumer.connect();
    await consumer.subscribe({ topic: BENCH_ORDERS_TOPIC, fromBeginning: true });
    const elapsed = listen(consumer);
    await consumer.run({
      partitionsConsumedConcurrently: RAW_PARTITIONS_CONCURRENTLY,
      eachBatch: async ({ batch }) => {
        const events = batch.messages.map((m) => decodeEnvelope(m)).filter((e) => e.type === OrderCreated.type) as EventEnvelope<OrderCreated['payload']>[];
        const stats = await es.helpers.bulk({
          datasource: events.map((e) => ({ version: e.streamVersion, doc: orderDocument(e) })),
          onDocument: ({ version, doc }) => [{ index: { _index: ORDERS_ALIAS, _id: doc.orderId, version, version_type: 'external' } }, doc],
        });
        if (stats.failed) throw new Error(`helpers.bulk: ${stats.failed} documents failed`);
      },
    });
    try {
      return await elapsed;
    } finally {
      await consumer.disconnect();
    }
  });

const main = async () => {
  await ensureDatabase(BENCH_DATABASE_URL);
  try {
    await ensureTopics({ brokers: kafkaBrokers }, BENCH_TOPICS);
    await createIndices(es);
    console.log(`[bench] B10 producing ${DOCS} OrderCreated events onto ${BENCH_ORDERS_TOPIC} (not timed)`);
    ends = await produceOrders(kafka, BENCH_ORDERS_TOPIC, DOCS);
    const b10 = await sideBySide('B10', ROUNDS, ours, baseline);
    report('B10', b10.ours, b10.baseline, 0.8, 'documents/s');
  } finally {
    await deleteIndices(es).catch(() => undefined);
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups(groups).catch(() => undefined);
    const dlqs = groups.filter((g) => g.endsWith(SEARCH.groupId)).map(deadLetterTopic);
    await admin.deleteTopics({ topics: [...BENCH_TOPICS.map((t) => t.topic), ...dlqs] }).catch(() => undefined);
    await admin.disconnect();
    await pool.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`).catch(() => undefined);
    await Promise.all([pool.end(), es.close()]);
  }
};

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
