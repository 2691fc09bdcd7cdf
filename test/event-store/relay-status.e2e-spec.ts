import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { loadConfig } from '@app/config';
import { OutboxRelay, relayStatus } from '@app/event-store';
import { createProducer, ensureTopics } from '@app/messaging';
import { createStoreFixture, type StoreFixture } from '../support/event-store-fixture';
import { META, testEvents } from '../support/test-events';
import { waitFor } from '../support/wait-for';

/** A relay's status (/metrics' commerce_relay_lag_events and _seconds, systemStatus' relays), from the store, the relay's checkpoint and its leader lock. */
describe('relay status', () => {
  const topic = `es-lag-test.${randomUUID().slice(0, 8)}`;
  const { Deposited, registry } = testEvents(topic);
  const { kafka } = loadConfig();
  let fx: StoreFixture;

  beforeAll(async () => {
    await ensureTopics(kafka, [{ topic, numPartitions: 1 }]);
    fx = await createStoreFixture(registry);
  });
  afterAll(() => fx?.close());

  it('counts the events not yet published and the age of the oldest, then nothing once the relay caught up', async () => {
    expect(await relayStatus(fx.store, 'kafka')).toEqual({ events: 0, seconds: 0, leader: null });
    for (let i = 0; i < 3; i++) await fx.store.append(`account-${randomUUID()}`, 0, [new Deposited({ amount: 1, currency: 'EUR' })], { metadata: META });
    await fx.pool.query('SELECT pg_sleep(0.05)');

    const behind = await relayStatus(fx.store, 'kafka');
    expect(behind.events).toBe(3);
    expect(behind.seconds).toBeGreaterThanOrEqual(0.05);

    const producer = createProducer(new Kafka({ clientId: 'relay-status-test', ...kafka, logLevel: logLevel.NOTHING }));
    await producer.connect();
    const relay = new OutboxRelay(fx.store, producer, { name: 'kafka', pollIntervalMs: 100 });
    relay.start();
    try {
      await waitFor('the relay to catch up', async () => (await relayStatus(fx.store, 'kafka')).events === 0);
      // The relay holds its leader lock on a session of the store's pool (application_name unset here).
      expect(await relayStatus(fx.store, 'kafka')).toEqual({ events: 0, seconds: 0, leader: expect.stringMatching(/\(pid \d+\)$/) });
      // Another relay's checkpoint is not this one's: it has published nothing.
      expect((await relayStatus(fx.store, 'another')).events).toBe(3);
    } finally {
      await relay.stop();
      await producer.disconnect();
    }
  });
});
