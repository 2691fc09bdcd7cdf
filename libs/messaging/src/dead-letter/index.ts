export { DLQ_HEADERS, type DeadLetterReason, type MessageSource } from './dead-letter-headers';
export { redriveGroupOf, type DeadLetterEntry } from './dead-letter-entry';
export * from './list-dead-letters';
export * from './redrive-dead-letters';
