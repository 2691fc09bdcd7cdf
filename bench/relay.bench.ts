/**
 * B5: the outbox relay publishing stored events to Kafka, vs raw kafkajs `send()` of batches of
 * 100 of the same messages (key, headers, value) to the same topic. Both use our producer
 * config (idempotent, acks=all, one request in flight). Rate = events acked per second.
 */
// First: development mode, before any module reads the settings.
import '../scripts/dev-mode';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { loadConfig } from '@app/config';
import { EVENT_REGISTRY, OrderCreated, type TopicName } from '@app/events';
import { EventStore, OutboxRelay, START } from '@app/event-store';
import { createProducer, encodeEnvelope, ensureTopics } from '@app/messaging';
import { BENCH_DATABASE_URL, benchSchema, dropSchemas } from './support/bench-db';
import { ratePerSecond, report, sideBySide } from './support/report';

const ROUNDS = 5;
const EVENTS = 20000;
const META = { correlationId: randomUUID(), causationId: null, userId: randomUUID() };

const main = async () => {
  const { kafka: { brokers: kafkaBrokers } } = loadConfig();
  const topic = `bench.relay.${randomUUID().slice(0, 8)}`;
  await ensureTopics({ brokers: kafkaBrokers }, [{ topic, numPartitions: 6 }]);
  // The real contract, routed to the bench topic so the app topics see none of this.
  class BenchOrderCreated extends OrderCreated {}
  const registry = Object.create(EVENT_REGISTRY, { latest: { value: () => ({ topic: topic as TopicName }) } });
  const schema = await benchSchema('bench_relay');
  const pool = new Pool({ connectionString: BENCH_DATABASE_URL, max: 4 });
  const store = new EventStore(pool, schema, EVENT_REGISTRY);
  const relayStore = new EventStore(pool, schema, registry);
  const kafka = new Kafka({ clientId: 'bench-relay', brokers: kafkaBrokers, logLevel: logLevel.NOTHING });
  const producer = createProducer(kafka);
  await producer.connect();
  try {
    console.log(`[bench] B5 storing ${EVENTS} events (not timed)`);
    for (let i = 0; i < EVENTS / 100; i++) {
      const userId = randomUUID();
      const events = Array.from({ length: 100 }, () => new BenchOrderCreated({ orderId: randomUUID(), userId, lines: [{ sku: 'SKU-1', quantity: 2 }] }));
      await store.append(`order-${randomUUID()}`, 0, events, { metadata: META });
    }
    const messages = (await store.readAll(START, EVENTS)).events.map(encodeEnvelope);
    let run = 0;
    const b5 = await sideBySide(
      'B5',
      ROUNDS,
      () => ratePerSecond(EVENTS, async () => {
        // A fresh relay name = a fresh checkpoint: it republishes the whole store.
        const relay = new OutboxRelay(relayStore, producer, { name: `bench-${++run}`, pollIntervalMs: 20 });
        relay.start();
        while (relay.published < EVENTS) await new Promise((r) => setImmediate(r));
        await relay.stop();
      }),
      () => ratePerSecond(EVENTS, async () => {
        for (let i = 0; i < messages.length; i += 100) await producer.send({ topic, acks: -1, messages: messages.slice(i, i + 100) });
      }),
    );
    report('B5', b5.ours, b5.baseline, 0.8, 'events/s');
  } finally {
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    await dropSchemas(pool, [schema]);
    await pool.end();
  }
};

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
