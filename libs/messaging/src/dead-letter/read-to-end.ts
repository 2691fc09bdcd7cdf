import type { Kafka, KafkaMessage } from 'kafkajs';

export interface ReadToEndOptions {
  topic: string;
  /** kafkajs reads only through a consumer group; it starts at the group's committed offsets. */
  groupId: string;
  timeoutMs?: number;
}

type Pending = Map<number, bigint>;

const pendingPartitions = async (kafka: Kafka, { topic, groupId }: ReadToEndOptions): Promise<Pending> => {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const [watermarks, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
    const start = new Map(committed.partitions.map((p) => [p.partition, BigInt(p.offset)]));
    const pending: Pending = new Map();
    for (const w of watermarks) {
      const from = start.get(w.partition) ?? -1n;
      if (BigInt(w.high) > (from > BigInt(w.low) ? from : BigInt(w.low))) pending.set(w.partition, BigInt(w.high));
    }
    return pending;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
};

/**
 * Hands `onMessage` every message of `topic` from the group's position up to the end as it is
 * when called (later messages wait for the next call), in order within each partition. Stops at
 * the first error. Assumes no gaps below the end (no compaction, no transactions), as on our
 * dead-letter topics; otherwise it times out.
 */
export const readToEnd = async (
  kafka: Kafka,
  options: ReadToEndOptions,
  onMessage: (message: KafkaMessage, partition: number) => Promise<void>,
): Promise<void> => {
  const { topic, groupId, timeoutMs = 30000 } = options;
  const ends = await pendingPartitions(kafka, options);
  if (ends.size === 0) return;

  // A short fetch wait: this reader stops as soon as it has read to the end, and disconnecting
  // waits for the fetch in flight.
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      let done = false;
      const finish = (error?: unknown) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (error === undefined) resolve();
        else reject(error);
      };
      const timer = setTimeout(() => finish(new Error(`timed out reading ${topic} to its end`)), timeoutMs);
      consumer.on(consumer.events.CRASH, ({ payload }) => finish(payload.error));
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = ends.get(partition);
            const offset = BigInt(message.offset);
            if (done || end === undefined || offset >= end) return;
            try {
              await onMessage(message, partition);
            } catch (error) {
              return finish(error);
            }
            if (offset + 1n >= end) {
              ends.delete(partition);
              if (ends.size === 0) finish();
            }
          },
        })
        .catch(finish);
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
};
