import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { KafkaConnection } from '@app/config';
import { deadLetterTopic } from '@app/events';
import { readToEnd } from './read-to-end';
import { redriveGroupOf, toDeadLetterEntry, type DeadLetterEntry } from './dead-letter-entry';

/** Every entry of a consumer group's dead-letter topic, oldest first per partition. */
export const listDeadLetters = async ({ groupId, ...connection }: KafkaConnection & { groupId: string }): Promise<DeadLetterEntry[]> => {
  const topic = deadLetterTopic(groupId);
  const kafka = new Kafka({ clientId: `${groupId}.dlq-list`, ...connection, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [redrive] = await admin.fetchOffsets({ groupId: redriveGroupOf(groupId), topics: [topic] });
    const redrivenBelow = new Map(redrive.partitions.map((p) => [p.partition, BigInt(p.offset)]));
    // A throwaway group reads from the beginning and leaves no position behind.
    const reader = `${topic}.list.${randomUUID()}`;
    const entries: DeadLetterEntry[] = [];
    try {
      await readToEnd(kafka, { topic, groupId: reader, commit: false }, async (message, partition) => {
        entries.push(toDeadLetterEntry(message, partition, BigInt(message.offset) < (redrivenBelow.get(partition) ?? -1n)));
      });
    } finally {
      await admin.deleteGroups([reader]).catch(() => undefined);
    }
    return entries;
  } finally {
    await admin.disconnect();
  }
};
