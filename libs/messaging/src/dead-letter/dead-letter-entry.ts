import type { KafkaMessage } from 'kafkajs';
import type { EventEnvelope } from '@app/events';
import { decodeEnvelope } from '../kafka-codec';
import { deadLetterId, type DeadLetterAuditRecord } from './dead-letter-audit';
import { DLQ_HEADERS, headerText, type MessageSource } from './dead-letter-headers';

export interface DeadLetterEntry {
  /** `<partition>:<offset>` on the dead-letter topic (deadLetterId). */
  id: string;
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
  /** What an admin did to it (redriven to the group alone, or discarded), from the audit log. */
  settled?: DeadLetterAuditRecord;
  /** The message as it sits on the dead-letter topic. */
  message: KafkaMessage;
}

/** Still waiting for an operator: neither redriven nor discarded. */
export const isPending = (entry: DeadLetterEntry): boolean => !entry.settled;

const envelopeOf = (message: KafkaMessage): EventEnvelope | undefined => {
  try {
    return decodeEnvelope(message);
  } catch {
    return undefined;
  }
};

export const toDeadLetterEntry = (message: KafkaMessage, partition: number): DeadLetterEntry => {
  const h = (name: string) => headerText(message.headers, name) ?? '';
  return {
    id: deadLetterId(partition, message.offset),
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    envelope: envelopeOf(message),
    error: { code: h(DLQ_HEADERS.errorCode), message: h(DLQ_HEADERS.errorMessage) },
    attempts: Number(h(DLQ_HEADERS.attempts)),
    source: { topic: h(DLQ_HEADERS.sourceTopic), partition: Number(h(DLQ_HEADERS.sourcePartition)), offset: h(DLQ_HEADERS.sourceOffset) },
    consumer: h(DLQ_HEADERS.consumer),
    failedAt: h(DLQ_HEADERS.failedAt),
    message,
  };
};
