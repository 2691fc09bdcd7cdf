/**
 * A relay in a process of its own, so a test can SIGKILL it mid-batch:
 *   node --import tsx test/support/relay-worker.ts <schema> <topic> <batchSize>
 * Uses the test contracts (test/support/test-events.ts) on <topic>.
 */
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { loadConfig } from '@app/config';
import { EventStore, OutboxRelay } from '@app/event-store';
import { createProducer } from '@app/messaging';
import { testEvents } from './test-events';

const [schema, topic, batchSize] = process.argv.slice(2);
const { databaseUrl, kafka: { brokers: kafkaBrokers } } = loadConfig();

const main = async () => {
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const producer = createProducer(new Kafka({ clientId: `relay-worker-${process.pid}`, brokers: kafkaBrokers, logLevel: logLevel.NOTHING }));
  await producer.connect();
  const relay = new OutboxRelay(new EventStore(pool, schema, testEvents(topic).registry), producer, { name: 'kafka', batchSize: Number(batchSize), pollIntervalMs: 100 });
  relay.start();
  process.on('SIGTERM', async () => {
    await relay.stop();
    await producer.disconnect();
    await pool.end();
    process.exit(0);
  });
};

void main();
