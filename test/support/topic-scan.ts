import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from './wait-for';

/**
 * Every message (key, headers and value, as text) of every topic whose name starts with
 * `prefix`, from the earliest kept offset to the end as it stood when the scan began.
 */
export async function scanTopics(brokers: string[], prefix: string): Promise<{ topics: string[]; messages: string[] }> {
  const kafka = new Kafka({ clientId: `topic-scan-${randomUUID().slice(0, 8)}`, brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
  // The last offset to read per topic-partition; empty partitions need no reading.
  const remaining = new Map<string, number>();
  for (const topic of topics) {
    for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
      if (Number(high) > Number(low)) remaining.set(`${topic}/${partition}`, Number(high) - 1);
    }
  }
  await admin.disconnect();

  const messages: string[] = [];
  const consumer = kafka.consumer({ groupId: `topic-scan-${randomUUID()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    if (topics.length > 0) await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers = Object.entries(message.headers ?? {}).map(([name, value]) => `${name}=${String(value)}`);
        messages.push([message.key?.toString() ?? '', ...headers, message.value?.toString() ?? ''].join('\n'));
        const last = remaining.get(`${topic}/${partition}`);
        if (last !== undefined && Number(message.offset) >= last) remaining.delete(`${topic}/${partition}`);
      },
    });
    await waitFor(`every message of ${topics.length} topics to be read`, () => remaining.size === 0, { timeoutMs: 120_000, intervalMs: 200 });
  } finally {
    await consumer.disconnect();
  }
  return { topics, messages };
}
