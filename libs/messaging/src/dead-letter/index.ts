export { DLQ_HEADERS, REDRIVE_SOURCE_HEADER, type DeadLetterReason, type MessageSource } from './dead-letter-headers';
export { isPending, type DeadLetterEntry } from './dead-letter-entry';
export * from './dead-letter-audit';
export * from './settle-dead-letters';
export * from './list-dead-letters';
