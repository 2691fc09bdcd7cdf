/**
 * Thrown to kafkajs when a delivered message was neither processed nor dead-lettered, so its
 * offset is not committed and kafkajs fetches it again. `retriable` matters: kafkajs restarts a
 * crashed consumer only after retriable errors, and a consumer that stays down consumes nothing.
 */
export class EventNotSettledError extends Error {
  readonly code = 'EVENT_NOT_SETTLED';
  readonly retriable = true;
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
    cause: unknown,
  ) {
    super(`${topic}[${partition}]@${offset} was neither processed nor dead-lettered; it will be redelivered`, { cause });
    this.name = 'EventNotSettledError';
  }
}

/** The dead-letter topic refused the message: the event must not be committed as done. */
export class DeadLetterWriteError extends Error {
  readonly code = 'DEAD_LETTER_WRITE_FAILED';
  readonly retriable = true;
  constructor(
    readonly deadLetterTopic: string,
    cause: unknown,
  ) {
    super(`could not write to ${deadLetterTopic}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DeadLetterWriteError';
  }
}

/** A handler that took longer than its consumer's handlerBudgetMs: a failed attempt like any other. */
export class HandlerTimeoutError extends Error {
  readonly code = 'HANDLER_TIMEOUT';
  constructor(budgetMs: number) {
    super(`the handler took longer than its budget of ${budgetMs} ms`);
    this.name = 'HandlerTimeoutError';
  }
}

