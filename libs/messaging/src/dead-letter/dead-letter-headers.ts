import type { IHeaders } from 'kafkajs';

/** Headers a dead-lettered message carries on top of its original ones. */
export const DLQ_HEADERS = {
  errorCode: 'dlq-error-code',
  errorMessage: 'dlq-error-message',
  /** Handler attempts made; 0 when the message never reached the handler (undecodable). */
  attempts: 'dlq-attempts',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  consumer: 'dlq-consumer',
  failedAt: 'dlq-failed-at',
} as const;

/**
 * On a message an admin redrove (to the group's redrive topic): the topic it was first consumed
 * from, whose handler takes it again. Not a `dlq-` header, so it stays on the message if it fails
 * again and is dead-lettered from the redrive topic.
 */
export const REDRIVE_SOURCE_HEADER = 'redrive-source-topic';

export interface MessageSource {
  topic: string;
  partition: number;
  offset: string;
}

export interface DeadLetterReason {
  consumer: string;
  code: string;
  message: string;
  attempts: number;
}

// Headers are read by people and tools: one line, bounded; the message only, never the stack
// (nor the payload, which our own error messages never quote).
const MAX_MESSAGE_LENGTH = 500;

/** The code and message an error is dead-lettered with; `fallbackCode` when it has no string `code`. */
export const describeError = (error: unknown, fallbackCode: string): { code: string; message: string } => {
  const code = (error as { code?: unknown } | null)?.code;
  const text = error instanceof Error ? error.message : String(error);
  return {
    code: typeof code === 'string' && code !== '' ? code : fallbackCode,
    message: text.replace(/\s+/g, ' ').slice(0, MAX_MESSAGE_LENGTH),
  };
};

export const deadLetterHeaders = (source: MessageSource, reason: DeadLetterReason, failedAt = new Date()): Record<string, string> => ({
  [DLQ_HEADERS.errorCode]: reason.code,
  [DLQ_HEADERS.errorMessage]: reason.message,
  [DLQ_HEADERS.attempts]: String(reason.attempts),
  [DLQ_HEADERS.sourceTopic]: source.topic,
  [DLQ_HEADERS.sourcePartition]: String(source.partition),
  [DLQ_HEADERS.sourceOffset]: source.offset,
  [DLQ_HEADERS.consumer]: reason.consumer,
  [DLQ_HEADERS.failedAt]: failedAt.toISOString(),
});

/** The original headers of a dead-lettered message, as they were on the source topic. */
export const withoutDeadLetterHeaders = (headers: IHeaders = {}): IHeaders =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith('dlq-')));

export const headerText = (headers: IHeaders | undefined, name: string): string | undefined => {
  const raw = headers?.[name];
  const one = Array.isArray(raw) ? raw[0] : raw;
  return one === undefined ? undefined : one.toString();
};
