/**
 * B6: our Nest consumer (ConsumerServer, a @ConsumerPattern handler that settles each batch and
 * does nothing else) vs raw kafkajs `eachBatch` doing nothing, on the same topic and messages.
 * Both commit offsets as they go (kafkajs defaults). Each round reads the whole topic with a
 * fresh group; the rate is messages/s from the first batch to the last message.
 */
// First: development mode, before any module reads the settings.
import '../scripts/dev-mode';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { loadConfig } from '@app/config';
import { OrderCreated } from '@app/events';
import { BatchOutcome, ConsumerPattern, connectConsumer, defineConsumer, encodeEnvelope, ensureTopics, type KafkaBatchContext } from '@app/messaging';
import { report, sideBySide } from './support/report';

const ROUNDS = 5;
const MESSAGES = 100_000;
const PARTITIONS = 3;

const { kafka: { brokers: kafkaBrokers } } = loadConfig();
const topic = `bench.consumer.${randomUUID().slice(0, 8)}`;
const kafka = new Kafka({ clientId: 'bench-consumer', brokers: kafkaBrokers, logLevel: logLevel.NOTHING });

/** Resolves with messages/s once `count()` reaches MESSAGES, timed from the first message seen. */
const rateOnceAll = async (count: () => number, firstSeen: () => number | undefined): Promise<number> => {
  while (count() < MESSAGES) await new Promise((r) => setTimeout(r, 5));
  return MESSAGES / ((performance.now() - firstSeen()!) / 1000);
};

const ours = async (): Promise<number> => {
  let seen = 0;
  let first: number | undefined;
  const consumer = defineConsumer({ name: `bench-b6-${randomUUID().slice(0, 8)}` });
  @Controller()
  class NoOpConsumer {
    @ConsumerPattern(consumer, topic)
    handle(@Ctx() ctx: KafkaBatchContext) {
      const { batch } = ctx.getPayload();
      first ??= performance.now();
      seen += batch.messages.length;
      return new BatchOutcome(batch.lastOffset(), true);
    }
  }
  @Module({ controllers: [NoOpConsumer] })
  class BenchModule {}
  const app = await NestFactory.create(BenchModule, { logger: ['error'] });
  connectConsumer(app, consumer, { brokers: kafkaBrokers, partitionsConsumedConcurrently: PARTITIONS });
  await app.startAllMicroservices();
  try {
    return await rateOnceAll(() => seen, () => first);
  } finally {
    await app.close();
  }
};

const baseline = async (): Promise<number> => {
  let seen = 0;
  let first: number | undefined;
  const consumer = kafka.consumer({ groupId: `bench-b6-raw-${randomUUID().slice(0, 8)}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: PARTITIONS,
    eachBatch: async ({ batch }) => {
      first ??= performance.now();
      seen += batch.messages.length;
    },
  });
  try {
    return await rateOnceAll(() => seen, () => first);
  } finally {
    await consumer.disconnect();
  }
};

const main = async () => {
  await ensureTopics({ brokers: kafkaBrokers }, [{ topic, numPartitions: PARTITIONS }]);
  const producer = kafka.producer();
  await producer.connect();
  console.log(`[bench] B6 producing ${MESSAGES} events (not timed)`);
  const userId = randomUUID();
  for (let i = 0; i < MESSAGES; i += 1000) {
    const messages = Array.from({ length: 1000 }, () => {
      const orderId = randomUUID();
      const event = new OrderCreated({ orderId, userId, lines: [{ sku: 'SKU-1', quantity: 2 }] });
      return encodeEnvelope({
        eventId: randomUUID(), type: event.type, schemaVersion: 1, streamId: `order-${orderId}`, aggregateId: orderId, streamVersion: 1,
        occurredAt: new Date().toISOString(), payload: event.payload, metadata: { correlationId: randomUUID(), causationId: null, userId },
      });
    });
    await producer.send({ topic, messages });
  }
  await producer.disconnect();
  try {
    const b6 = await sideBySide('B6', ROUNDS, ours, baseline);
    report('B6', b6.ours, b6.baseline, 0.85, 'messages/s');
  } finally {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
};

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
