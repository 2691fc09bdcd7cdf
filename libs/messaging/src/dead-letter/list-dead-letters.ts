import { randomUUID } from 'node:crypto';
import { type Admin, Kafka, type KafkaMessage, logLevel } from 'kafkajs';
import type { KafkaConnection } from '@app/config';
import { deadLetterAuditTopic, deadLetterTopic } from '@app/events';
import { decodeAuditRecord, type DeadLetterAuditRecord } from './dead-letter-audit';
import { readToEnd } from './read-to-end';
import { toDeadLetterEntry, type DeadLetterEntry } from './dead-letter-entry';

export interface ListDeadLettersOptions extends KafkaConnection {
  groupId: string;
  /**
   * Prefix of the throwaway consumer groups that read the topics (kafkajs reads only through a
   * group): a client may only use groups under its own names. Default: the topic's name.
   */
  readerPrefix?: string;
}

/** Every message of `topic` (none if it does not exist), read by a throwaway group that leaves no position behind. */
const readAll = async (kafka: Kafka, admin: Admin, topic: string, readerPrefix: string | undefined, topics: Set<string>) => {
  const messages: { message: KafkaMessage; partition: number }[] = [];
  if (!topics.has(topic)) return messages;
  const reader = `${readerPrefix ?? topic}.list.${randomUUID()}`;
  try {
    await readToEnd(kafka, { topic, groupId: reader }, async (message, partition) => void messages.push({ message, partition }));
  } finally {
    await admin.deleteGroups([reader]).catch(() => undefined);
  }
  return messages;
};

/**
 * Every entry of a consumer group's dead-letter topic, oldest first per partition, each with what
 * an admin did to it (redrive or discard, from the group's audit log). isPending tells the ones
 * still waiting.
 */
export const listDeadLetters = async ({ groupId, readerPrefix, ...connection }: ListDeadLettersOptions): Promise<DeadLetterEntry[]> => {
  const topic = deadLetterTopic(groupId);
  const kafka = new Kafka({ clientId: `${groupId}.dlq-list`, ...connection, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  // Connected inside the try: a refused connect must not leave half-open sockets behind.
  try {
    await admin.connect();
    const topics = new Set(await admin.listTopics());
    const settled = new Map<string, DeadLetterAuditRecord>();
    for (const { message } of await readAll(kafka, admin, deadLetterAuditTopic(groupId), readerPrefix, topics)) {
      const record = decodeAuditRecord(message);
      for (const id of record?.ids ?? []) if (!settled.has(id)) settled.set(id, record!);
    }
    return (await readAll(kafka, admin, topic, readerPrefix, topics)).map(({ message, partition }) => {
      const entry = toDeadLetterEntry(message, partition);
      return settled.has(entry.id) ? { ...entry, settled: settled.get(entry.id) } : entry;
    });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
};
