import type { KafkaMessage, Producer } from 'kafkajs';
import { deadLetterTopic } from '@app/events';
import { DeadLetterWriteError } from '../consumer/errors';
import { deadLetterHeaders, type DeadLetterReason, type MessageSource } from './dead-letter-headers';

/**
 * Parks the original message (key, value bytes, headers) on the group's dead-letter topic and
 * resolves only once every in-sync replica has it: only then may the source offset move on.
 */
export const publishDeadLetter = async (
  producer: Pick<Producer, 'send'>,
  groupId: string,
  message: KafkaMessage,
  source: MessageSource,
  reason: DeadLetterReason,
): Promise<void> => {
  const topic = deadLetterTopic(groupId);
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers: { ...message.headers, ...deadLetterHeaders(source, reason) } }],
    });
  } catch (err) {
    throw new DeadLetterWriteError(topic, err);
  }
};
