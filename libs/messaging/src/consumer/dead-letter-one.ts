import type { Logger } from '@nestjs/common';
import type { KafkaMessage, Producer } from 'kafkajs';
import type { EventEnvelope } from '@app/events';
import { consumerDeadLetters } from '@app/metrics';
import { describeError, type MessageSource } from '../dead-letter/dead-letter-headers';
import { publishDeadLetter } from '../dead-letter/publish-dead-letter';
import type { ConsumerDefinition } from './consumer-definition';

/** One fetched message, where it came from, and how to dead-letter it. */
export interface Delivery {
  consumer: ConsumerDefinition;
  message: KafkaMessage;
  source: MessageSource;
  producer: Producer;
}

/**
 * Puts one message on its consumer's dead-letter topic, original bytes and error in the headers.
 * When Kafka refuses the write it throws: the batch then settles nothing from here on, and
 * kafkajs fetches the message again (after its own backoff or a consumer restart) rather than a
 * loop here holding up heartbeats, rebalances and shutdown for as long as Kafka refuses. The
 * redelivery repeats the attempts; processed_events makes that harmless.
 */
export const deadLetterOne = async (
  logger: Logger,
  { consumer, message, source, producer }: Delivery,
  error: unknown,
  attempts: number,
  fallbackCode: string,
  event?: EventEnvelope<unknown>,
): Promise<void> => {
  const { code, message: text } = describeError(error, fallbackCode);
  const what = event ? `${event.type} ${event.eventId}` : 'undecodable message';
  logger.error(`${consumer.name}: dead-lettering ${what} from ${source.topic}[${source.partition}]@${source.offset} after ${attempts} attempt(s): ${code} ${text}`);
  try {
    await publishDeadLetter(producer, consumer.groupId, message, source, { consumer: consumer.name, code, message: text, attempts });
    consumerDeadLetters.inc({ group: consumer.groupId, code });
  } catch (writeError) {
    logger.error(`${consumer.name}: ${(writeError as Error).message}; the message will be redelivered`);
    throw writeError;
  }
};
