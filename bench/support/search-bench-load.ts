import { randomInt, randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import { OrderCreated, type EventEnvelope } from '@app/events';
import { encodeEnvelope } from '@app/messaging';
import type { OrderDocument } from '../../apps/consumers/src/search/orders-index.mapping';
import type { ProductDocument } from '../../apps/consumers/src/search/products-index.mapping';

/** A catalogue small enough to be hot in Elasticsearch, as a real one mostly is. */
export const CATALOG: ProductDocument[] = Array.from({ length: 500 }, (_, i) => ({
  sku: `b10-sku-${i}`,
  name: `${['Kettle', 'Teacup', 'Lamp', 'Chair', 'Rug'][i % 5]} model ${i}`,
  priceCents: 500 + i,
}));
const NAMES = new Map(CATALOG.map((p) => [p.sku, p.name]));

/**
 * `count` OrderCreated events of distinct orders (1 to 3 lines each), as the order service's relay
 * publishes them, onto `topic`. Returns each partition's end offset once they are all written.
 */
export const produceOrders = async (kafka: Kafka, topic: string, count: number): Promise<Map<number, bigint>> => {
  const producer = kafka.producer();
  await producer.connect();
  for (let sent = 0; sent < count; ) {
    const messages = Array.from({ length: Math.min(1000, count - sent) }, () => {
      const [orderId, userId] = [randomUUID(), randomUUID()];
      const lines = Array.from({ length: randomInt(1, 4) }, () => ({ sku: CATALOG[randomInt(CATALOG.length)].sku, quantity: randomInt(1, 5) }));
      const event = new OrderCreated({ orderId, userId, lines });
      return encodeEnvelope({
        eventId: randomUUID(), type: event.type, schemaVersion: OrderCreated.version, streamId: `order-${orderId}`, aggregateId: orderId,
        streamVersion: 1, position: String(sent + 1), occurredAt: new Date().toISOString(), payload: event.payload,
        metadata: { correlationId: randomUUID(), causationId: null, userId },
      });
    });
    await producer.send({ topic, acks: -1, messages });
    sent += messages.length;
  }
  await producer.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
};

/**
 * The document the search consumer builds from an order's OrderCreated in an empty index:
 * OrderCreatedHandler's changes folded onto PendingOrderDocuments' unknownOrder, with the names
 * of its skus. Same fields in the same order, so the same bytes reach Elasticsearch.
 */
export const orderDocument = ({ occurredAt, payload, streamVersion: v }: EventEnvelope<OrderCreated['payload']>): OrderDocument => {
  const skus = [...new Set(payload.lines.map((l) => l.sku))];
  return {
    orderId: payload.orderId,
    userId: payload.userId,
    status: 'PENDING',
    skus,
    productNames: skus.flatMap((sku) => NAMES.get(sku) ?? []),
    totalCents: null,
    cancellationReason: null,
    createdAt: occurredAt,
    updatedAt: occurredAt,
    // The writer's per-field bookkeeping (foldChange), in OrderCreatedHandler's field order.
    fieldVersions: { userId: v, skus: v, status: v, createdAt: v },
  };
};

/**
 * Milliseconds from the first batch of `topic` the consumer starts on to the offset commit that
 * reaches `ends` on every partition. Both sides commit only after their writes to Elasticsearch
 * returned (ours after the run's `_bulk`, the baseline after its `helpers.bulk`), so the commit
 * is the writer's own word that the documents are indexed. Listen before the first fetch.
 */
export const timeToCommitted = (consumer: Consumer, topic: string, ends: Map<number, bigint>, deadlineMs = 180_000): Promise<number> => {
  let first: number | undefined;
  const committed = new Map<number, bigint>();
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not all of ${topic} committed after ${deadlineMs} ms`)), deadlineMs);
    consumer.on(consumer.events.START_BATCH_PROCESS, ({ payload }) => {
      if (payload.topic === topic) first ??= performance.now();
    });
    // kafkajs reports the partitions of a commit as strings.
    consumer.on(consumer.events.COMMIT_OFFSETS, ({ payload }) => {
      for (const t of payload.topics) if (t.topic === topic) for (const p of t.partitions) committed.set(Number(p.partition), BigInt(p.offset));
      if (![...ends].every(([partition, end]) => (committed.get(partition) ?? 0n) >= end)) return;
      clearTimeout(timer);
      if (first === undefined) reject(new Error('the first batch started before the bench listened'));
      else resolve(performance.now() - first);
    });
  });
};
