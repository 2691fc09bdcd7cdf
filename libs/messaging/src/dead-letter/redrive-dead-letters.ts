import { Kafka, logLevel } from 'kafkajs';
import type { KafkaConnection } from '@app/config';
import { deadLetterTopic } from '@app/events';
import { PRODUCER_CONFIG } from '../producer';
import { withoutDeadLetterHeaders } from './dead-letter-headers';
import { readToEnd } from './read-to-end';
import { redriveGroupOf, toDeadLetterEntry, type DeadLetterEntry } from './dead-letter-entry';

/**
 * Re-produces every entry not yet redriven to its source topic, with its original key, value and
 * headers (same key and partitioner: same partition as the original), then commits it in the
 * redrive group so that the next redrive skips it. A crash between the two re-produces one
 * message twice, which processed_events makes harmless. Run it once the cause is fixed: an entry
 * that fails again comes back to the dead-letter topic as a new entry.
 */
export const redriveDeadLetters = async ({ groupId, ...connection }: KafkaConnection & { groupId: string }): Promise<DeadLetterEntry[]> => {
  const kafka = new Kafka({ clientId: `${groupId}.dlq-redrive`, ...connection, logLevel: logLevel.NOTHING });
  const producer = kafka.producer(PRODUCER_CONFIG);
  await producer.connect();
  const redriven: DeadLetterEntry[] = [];
  try {
    await readToEnd(kafka, { topic: deadLetterTopic(groupId), groupId: redriveGroupOf(groupId), commit: true }, async (message, partition) => {
      const entry = toDeadLetterEntry(message, partition, true);
      await producer.send({
        topic: entry.source.topic,
        acks: -1,
        messages: [{ key: message.key, value: message.value, headers: withoutDeadLetterHeaders(message.headers) }],
      });
      redriven.push(entry);
    });
  } finally {
    await producer.disconnect();
  }
  return redriven;
};
