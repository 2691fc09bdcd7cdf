import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { loadConfig } from '@app/config';
import type { EventEnvelope } from '@app/events';
import { OutboxRelay, START, type Checkpoint } from '@app/event-store';
import { createProducer, ensureTopics } from '@app/messaging';
import { createStoreFixture, type StoreFixture } from '../support/event-store-fixture';
import { firstSeenVersions, KafkaCollector } from '../support/kafka-collector';
import { META, testEvents } from '../support/test-events';
import { waitFor } from '../support/wait-for';

const { kafka: { brokers: kafkaBrokers } } = loadConfig();
const topic = `es-gap-test.${randomUUID().slice(0, 8)}`;
const { Deposited, registry } = testEvents(topic);
/** How long the slow transaction stays open after later ones committed (the scenario, not a wait). */
const HOLD_MS = 5000;

describe('Reading the event store while a transaction with a lower position commits late', () => {
  let fx: StoreFixture;
  let producer: Producer;
  let relay: OutboxRelay;
  let collector: KafkaCollector;

  beforeAll(async () => {
    await ensureTopics({ brokers: kafkaBrokers }, [{ topic, numPartitions: 3 }]);
    fx = await createStoreFixture(registry);
    producer = createProducer(new Kafka({ clientId: 'gap-test', brokers: kafkaBrokers, logLevel: logLevel.NOTHING }));
    await producer.connect();
    relay = new OutboxRelay(fx.store, producer, { name: 'kafka', pollIntervalMs: 100 });
    relay.start();
    collector = new KafkaCollector(kafkaBrokers, topic);
    await collector.start();
  });

  afterAll(async () => {
    await relay?.stop();
    await collector?.stop();
    await producer?.disconnect();
    await fx?.close();
  });

  it('delivers the late event to the relay and to every all-stream reader, keeping per-stream order', async () => {
    const deposit = (amount: number) => new Deposited({ amount, currency: 'EUR' });
    const delivered: EventEnvelope[] = [];
    let safe: Checkpoint = START;
    let naivePosition = 0n;
    const naive: string[] = [];
    const readBoth = async () => {
      for (;;) {
        const batch = await fx.store.readAll(safe, 7);
        safe = batch.checkpoint;
        if (!batch.events.length) break;
        delivered.push(...batch.events);
      }
      // What a reader trusting "position > last seen" would get (the bug this design avoids).
      const res = await fx.pool.query(`SELECT event_id, position FROM "${fx.schema}".events WHERE position > $1 ORDER BY position`, [String(naivePosition)]);
      for (const r of res.rows) {
        naive.push(r.event_id);
        naivePosition = BigInt(r.position);
      }
    };

    const slow = await fx.pool.connect();
    const slowStream = `account-slow-${randomUUID()}`;
    try {
      await slow.query('BEGIN');
      await fx.store.append(slowStream, 0, [deposit(1)], { metadata: META, tx: slow });
      const fastStream = `account-fast-${randomUUID()}`;
      for (let v = 0; v < 10; v++) await fx.store.append(fastStream, v, [deposit(v + 1)], { metadata: META });
      for (let i = 0; i < 10; i++) await fx.store.append(`account-other-${i}-${randomUUID()}`, 0, [deposit(i + 1)], { metadata: META });
      await readBoth();
      await new Promise((r) => setTimeout(r, HOLD_MS));
      await readBoth();
      await slow.query('COMMIT');
    } finally {
      slow.release();
    }

    const all = (await fx.pool.query(`SELECT event_id, position FROM "${fx.schema}".events ORDER BY position`)).rows;
    expect(all).toHaveLength(21);
    const slowId = (await fx.store.readStream(slowStream))[0].eventId;
    expect(all[0].event_id).toBe(slowId); // it does hold the lowest position

    await waitFor('the safe reader to deliver all 21 events', async () => (await readBoth(), delivered.length === 21));
    expect(new Set(delivered.map((e) => e.eventId)).size).toBe(21);
    expect(delivered.map((e) => e.eventId)).toContain(slowId);
    // The naive reader saw the later rows first, moved past the slow row's position, and lost it.
    expect(naive).toHaveLength(20);
    expect(naive).not.toContain(slowId);

    await waitFor('the relay to publish all 21 to Kafka', () => collector.eventIds().size === 21);
    expect(collector.eventIds().has(slowId)).toBe(true);
    for (const [stream, versions] of firstSeenVersions(collector.received.map((r) => r.envelope))) {
      expect({ stream, versions }).toEqual({ stream, versions: [...versions].sort((a, b) => a - b) });
    }
    for (const [stream, versions] of firstSeenVersions(delivered)) {
      expect({ stream, versions }).toEqual({ stream, versions: versions.map((_, i) => i + 1) });
    }
    for (const r of collector.received) expect(r.key).toBe(r.envelope.aggregateId);
  });
});
