import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka, Message } from 'kafkajs';
import { OrderAwaitingPayment, OrderConfirmed, OrderCreated, PaymentProcessed, TOPICS, type EventClass } from '@app/events';
import { encodeEnvelope } from '@app/messaging';

/** Events per order: OrderCreated, OrderAwaitingPayment, OrderConfirmed (orders), PaymentProcessed (payments). */
export const EVENTS_PER_ORDER = 4;

const CATALOG = Array.from({ length: 200 }, (_, i) => ({ sku: `b7-sku-${i}`, priceCents: 299 + 7 * i }));
const CUSTOMERS = Array.from({ length: 500 }, () => randomUUID());

/** Offsets by topic and partition. */
export type Offsets = Map<string, Map<number, bigint>>;

const highs = async (kafka: Kafka, topics: string[]): Promise<Offsets> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets: Offsets = new Map();
    for (const topic of topics) {
      // A topic just created by ensureTopics has leaders in its metadata before they answer ListOffsets.
      for (let attempt = 1; !offsets.has(topic); attempt++) {
        try {
          offsets.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, BigInt(o.high)])));
        } catch (err) {
          if (!(err as { retriable?: boolean }).retriable || attempt === 20) throw err;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    }
    return offsets;
  } finally {
    await admin.disconnect();
  }
};

/**
 * One order's life as the order and payment relays publish it: 1 to 3 priced lines, the payment
 * on its own stream (`payment-<id>`, version 1, keyed by payment id), each event caused by the one
 * before it, all sharing the order's correlation id and customer, positions rising per store.
 */
const lifecycle = (i: number, at: number) => {
  const [orderId, paymentId, correlationId] = [randomUUID(), randomUUID(), randomUUID()];
  const userId = CUSTOMERS[i % CUSTOMERS.length];
  const lines = Array.from({ length: 1 + (i % 3) }, (_, j) => {
    const { sku, priceCents } = CATALOG[(i * 7 + j * 13) % CATALOG.length];
    return { sku, quantity: 1 + ((i + j) % 4), unitPriceCents: priceCents };
  });
  const totalCents = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
  let cause: string | null = null;
  const next = <P>(contract: EventClass<P>, payload: P, aggregateId: string, streamVersion: number, position: number, ms: number): Message => {
    const eventId = randomUUID();
    const message = encodeEnvelope({
      eventId, type: contract.type, schemaVersion: contract.version, streamId: `${contract.aggregate}-${aggregateId}`, aggregateId, streamVersion,
      position: String(position), occurredAt: new Date(at + ms).toISOString(), payload, metadata: { correlationId, causationId: cause, userId },
    });
    cause = eventId;
    return message;
  };
  const created = next(OrderCreated, { orderId, userId, lines: lines.map(({ sku, quantity }) => ({ sku, quantity })) }, orderId, 1, 3 * i + 1, 0);
  const awaiting = next(OrderAwaitingPayment, { orderId, lines, totalCents }, orderId, 2, 3 * i + 2, 40);
  const paid = next(PaymentProcessed, { paymentId, orderId, amountCents: totalCents }, paymentId, 1, i + 1, 90);
  const confirmed = next(OrderConfirmed, { orderId, paymentId, totalCents }, orderId, 3, 3 * i + 3, 120);
  return { orders: [created, awaiting, confirmed], payments: [paid] };
};

/**
 * Produces `orders` lifecycles onto the namespace's orders and payments topics, after whatever
 * they already hold (an earlier benchmark of the run may have left events there). Returns where
 * the bench's events start and end; refuses a range that anyone else wrote into meanwhile.
 */
export const produceLifecycles = async (kafka: Kafka, orders: number): Promise<{ starts: Offsets; ends: Offsets }> => {
  const topics = [TOPICS.orders, TOPICS.payments];
  const starts = await highs(kafka, topics);
  const producer = kafka.producer();
  await producer.connect();
  const start = Date.now() - orders * 10;
  for (let i = 0; i < orders; ) {
    const chunk = Array.from({ length: Math.min(500, orders - i) }, (_, k) => lifecycle(i + k, start + (i + k) * 10));
    // Per order (one key, one partition) in stream order; across orders the stages interleave.
    const stage = (n: number) => chunk.map((c) => c.orders[n]);
    await producer.sendBatch({
      acks: -1,
      topicMessages: [
        { topic: TOPICS.orders, messages: [...stage(0), ...stage(1), ...stage(2)] },
        { topic: TOPICS.payments, messages: chunk.map((c) => c.payments[0]) },
      ],
    });
    i += chunk.length;
  }
  await producer.disconnect();
  const ends = await highs(kafka, topics);
  const written = (topic: string) => [...ends.get(topic)!].reduce((n, [p, end]) => n + Number(end - starts.get(topic)!.get(p)!), 0);
  if (written(TOPICS.orders) !== 3 * orders || written(TOPICS.payments) !== orders) throw new Error('someone else wrote to the bench topics meanwhile');
  return { starts, ends };
};

/**
 * Commits a fresh group's offsets before it joins: `starts` on the bench's topics, the end of
 * each of `others`, so the group reads the bench's events and nothing else, whatever came before.
 */
export const startGroupAt = async (kafka: Kafka, groupId: string, starts: Offsets, others: string[] = []): Promise<void> => {
  const at = new Map([...starts, ...(await highs(kafka, others))]);
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const [topic, parts] of at) await admin.setOffsets({ groupId, topic, partitions: [...parts].map(([partition, o]) => ({ partition, offset: String(o) })) });
  } finally {
    await admin.disconnect();
  }
};

/**
 * Milliseconds from the first batch of the bench topics to the offset commit that reaches `ends`
 * on every partition. Both sides commit only after their transaction committed, so the commit is
 * the writer's own word that the events are applied. Attach before the first fetch.
 */
export const timeToCommitted = (consumer: Consumer, ends: Offsets, deadlineMs = 300_000): Promise<number> => {
  let first: number | undefined;
  const committed = new Map<string, bigint>();
  const done = () => [...ends].every(([topic, parts]) => [...parts].every(([p, end]) => (committed.get(`${topic}/${p}`) ?? 0n) >= end));
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench events not all committed after ${deadlineMs} ms`)), deadlineMs);
    consumer.on(consumer.events.START_BATCH_PROCESS, ({ payload }) => {
      if (ends.has(payload.topic)) first ??= performance.now();
    });
    consumer.on(consumer.events.COMMIT_OFFSETS, ({ payload }) => {
      for (const t of payload.topics) for (const p of t.partitions) committed.set(`${t.topic}/${p.partition}`, BigInt(p.offset));
      if (!done()) return;
      clearTimeout(timer);
      if (first === undefined) reject(new Error('the first batch started before the bench listened'));
      else resolve(performance.now() - first);
    });
  });
};
