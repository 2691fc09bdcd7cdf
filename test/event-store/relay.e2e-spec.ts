import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { loadConfig } from '@app/config';
import { OutboxRelay } from '@app/event-store';
import { createProducer, ensureTopics } from '@app/messaging';
import { createStoreFixture, type StoreFixture } from '../support/event-store-fixture';
import { firstSeenVersions, KafkaCollector } from '../support/kafka-collector';
import { META, testEvents } from '../support/test-events';
import { waitFor } from '../support/wait-for';

const { kafka: { brokers: kafkaBrokers } } = loadConfig();
const ROOT = join(__dirname, '..', '..');

describe('Outbox relay', () => {
  const topic = `es-relay-test.${randomUUID().slice(0, 8)}`;
  const { Deposited, registry } = testEvents(topic);
  let fx: StoreFixture;
  let collector: KafkaCollector;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    await ensureTopics({ brokers: kafkaBrokers }, [{ topic, numPartitions: 3 }]);
    fx = await createStoreFixture(registry);
    collector = new KafkaCollector(kafkaBrokers, topic);
    await collector.start();
  });

  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await collector?.stop();
    await fx?.close();
  });

  const startWorker = (batchSize: number): ChildProcess => {
    const w = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/relay-worker.ts'), fx.schema, topic, String(batchSize)], { cwd: ROOT, stdio: 'ignore' });
    workers.push(w);
    return w;
  };
  /** The position within the checkpoint's current transaction range (all 2000 share one range here). */
  const checkpoint = async (): Promise<bigint> => {
    const res = await fx.pool.query(`SELECT position FROM "${fx.schema}".relay_checkpoints WHERE relay = 'kafka'`);
    return res.rowCount ? BigInt(res.rows[0].position) : 0n;
  };

  it('resumes after being SIGKILLed mid-stream and gets every event to Kafka at least once, in stream order', async () => {
    const streams = Array.from({ length: 200 }, () => `account-${randomUUID()}`);
    for (const s of streams) {
      await fx.store.append(s, 0, Array.from({ length: 10 }, (_, i) => new Deposited({ amount: i + 1, currency: 'EUR' })), { metadata: META });
    }
    const head = BigInt(await fx.store.head());
    const ids = new Set((await fx.pool.query(`SELECT event_id FROM "${fx.schema}".events`)).rows.map((r) => r.event_id));
    expect(ids.size).toBe(2000);

    const first = startWorker(10);
    const atKill = await waitFor('the relay to checkpoint part of the stream', async () => {
      const cp = await checkpoint();
      return cp > 0n ? cp : undefined;
    }, { intervalMs: 5 });
    first.kill('SIGKILL');
    await waitFor('the killed relay to exit', () => first.signalCode === 'SIGKILL');
    // It died mid-stream: the checkpoint is short of the head, and some events are on the wire.
    expect(await checkpoint()).toBeLessThan(head);
    expect(atKill).toBeGreaterThan(0n);

    const second = startWorker(500);
    await waitFor('every event to reach Kafka', () => [...ids].every((id) => collector.eventIds().has(id)), { timeoutMs: 60000 });
    second.kill('SIGTERM');
    await waitFor('the second relay to stop', () => second.exitCode !== null);
    // The stored checkpoint now covers everything: a reader resuming from it finds nothing left.
    const cp = (await fx.pool.query(`SELECT lower_xid::text AS "lowerXid", upper_xid::text AS "upperXid", position::text AS position
      FROM "${fx.schema}".relay_checkpoints WHERE relay = 'kafka'`)).rows[0];
    expect((await fx.store.readAll(cp, 1)).events).toEqual([]);
    for (const [stream, versions] of firstSeenVersions(collector.received.map((r) => r.envelope))) {
      expect({ stream, versions }).toEqual({ stream, versions: Array.from({ length: 10 }, (_, i) => i + 1) });
    }
  });

  it('parks an event of a type no contract knows, reports it, and publishes what comes after it', async () => {
    const producer = createProducer(new Kafka({ clientId: 'relay-parked-test', brokers: kafkaBrokers, logLevel: logLevel.NOTHING }));
    await producer.connect();
    const relay = new OutboxRelay(fx.store, producer, { name: 'parked-test', pollIntervalMs: 100 });
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      // Written by a newer build of the service, say: this one has no contract, so no topic, for it.
      const stranger = randomUUID();
      await fx.pool.query(
        `INSERT INTO "${fx.schema}".events (stream_id, stream_version, event_id, event_type, schema_version, payload, metadata)
         VALUES ($1, 1, $2, 'AccountFrozen', 1, '{}', '{}')`,
        [`account-${randomUUID()}`, stranger],
      );
      const streamId = `account-${randomUUID()}`;
      await fx.store.append(streamId, 0, [new Deposited({ amount: 3, currency: 'EUR' })], { metadata: META });
      const [after] = await fx.store.readStream(streamId);
      relay.start();

      await waitFor('the event after the stranger to be published', () => collector.eventIds().has(after.eventId));
      const parked = await fx.pool.query(`SELECT event_id, event_type, reason FROM "${fx.schema}".relay_parked WHERE relay = 'parked-test'`);
      expect(parked.rows).toEqual([{ event_id: stranger, event_type: 'AccountFrozen', reason: 'UNKNOWN_EVENT_TYPE' }]);
      expect(collector.eventIds().has(stranger)).toBe(false);
      expect(error.mock.calls.map(([line]) => String(line))).toContainEqual(expect.stringContaining(`parked AccountFrozen ${stranger}`));
    } finally {
      error.mockRestore();
      await relay.stop();
      await producer.disconnect();
    }
  });

  it('lets only one relay of a service publish; a standby takes over when the leader stops', async () => {
    const kafka = new Kafka({ clientId: 'relay-leader-test', brokers: kafkaBrokers, logLevel: logLevel.NOTHING });
    const producers: Producer[] = [createProducer(kafka), createProducer(kafka)];
    await Promise.all(producers.map((p) => p.connect()));
    const relays = producers.map((p) => new OutboxRelay(fx.store, p, { name: 'leader-test', pollIntervalMs: 100, standbyRetryMs: 200 }));
    try {
      relays.forEach((r) => r.start());
      const leader = await waitFor('one relay to lead', () => relays.find((r) => r.leader));
      const standby = relays.find((r) => r !== leader)!;
      const streamId = `account-${randomUUID()}`;
      const before = await fx.store.append(streamId, 0, [new Deposited({ amount: 1, currency: 'EUR' })], { metadata: META });
      const idOf = async (version: number) => (await fx.store.readStream(streamId))[version - 1].eventId;
      const beforeId = await idOf(1);
      await waitFor('the leader to publish', () => collector.eventIds().has(beforeId));
      expect(leader.published).toBeGreaterThan(0);
      expect(standby.leader).toBe(false);
      expect(standby.published).toBe(0);

      await leader.stop();
      await waitFor('the standby to take over', () => standby.leader);
      const after = await fx.store.append(streamId, 1, [new Deposited({ amount: 2, currency: 'EUR' })], { metadata: META });
      expect(after.version).toBe(2);
      const afterId = await idOf(2);
      await waitFor('the new leader to publish', () => collector.eventIds().has(afterId));
      // It resumed from the checkpoint the old leader stored, not from the start of the store.
      expect(standby.published).toBe(1);
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
      await Promise.all(producers.map((p) => p.disconnect()));
    }
  });
});
