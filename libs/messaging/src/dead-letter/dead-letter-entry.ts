import type { KafkaMessage } from 'kafkajs';
import type { EventEnvelope } from '@app/events';
import { deadLetterTopic } from '@app/events';
import { decodeEnvelope } from '../kafka-codec';
import { DLQ_HEADERS, headerText, type MessageSource } from './dead-letter-headers';

export interface DeadLetterEntry {
  /** Where the entry sits on the dead-letter topic. */
  partition: number;
  offset: string;
  key: string | null;
  /** The original envelope, when the message was one (a malformed message has none). */
  envelope?: EventEnvelope;
  error: { code: string; message: string };
  attempts: number;
  source: MessageSource;
  consumer: string;
  failedAt: string;
  /** Already re-produced to its source topic by redriveDeadLetters. */
  redriven: boolean;
}

/** The consumer group that remembers (by its committed offsets) what has been redriven. */
export const redriveGroupOf = (groupId: string): string => `${deadLetterTopic(groupId)}.redrive`;

const envelopeOf = (message: KafkaMessage): EventEnvelope | undefined => {
  try {
    return decodeEnvelope(message);
  } catch {
    return undefined;
  }
};

export const toDeadLetterEntry = (message: KafkaMessage, partition: number, redriven: boolean): DeadLetterEntry => {
  const h = (name: string) => headerText(message.headers, name) ?? '';
  return {
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    envelope: envelopeOf(message),
    error: { code: h(DLQ_HEADERS.errorCode), message: h(DLQ_HEADERS.errorMessage) },
    attempts: Number(h(DLQ_HEADERS.attempts)),
    source: { topic: h(DLQ_HEADERS.sourceTopic), partition: Number(h(DLQ_HEADERS.sourcePartition)), offset: h(DLQ_HEADERS.sourceOffset) },
    consumer: h(DLQ_HEADERS.consumer),
    failedAt: h(DLQ_HEADERS.failedAt),
    redriven,
  };
};
