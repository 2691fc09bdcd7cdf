import type { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@app/events';
import { describeError } from '../dead-letter/dead-letter-headers';
import { claimEvents } from './claim-event';
import type { ConsumerDefinition } from './consumer-definition';
import { deadLetterOne, type Delivery } from './dead-letter-one';
import { backoffDelay } from './retry-policy';
import { RunScope } from './run-scope';

/**
 * Applies one event; everything it writes goes through `em`, in the transaction that records the
 * event as processed, or into a buffer of `run` (written once per run, before that commit).
 */
export type EventHandlerFn<P = unknown> = (event: EventEnvelope<P>, em: EntityManager, run: RunScope) => Promise<void>;

/** Which event of a run failed (undefined: none of its handlers, e.g. the commit) and why. */
export class RunFailure {
  constructor(
    readonly index: number | undefined,
    readonly error: unknown,
  ) {}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** ConsumerRuntime's transactions: a run of events at once, or one event with its retries. */
export class EventApplier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
  ) {}

  /** The whole run in one transaction; on failure (rolled back) which event's handler failed, if one did. */
  async applyRun<P>(consumer: ConsumerDefinition, run: EventEnvelope<P>[], handler: EventHandlerFn<P>): Promise<RunFailure | undefined> {
    try {
      await this.apply(consumer, run, handler);
      return undefined;
    } catch (error) {
      const failure = error instanceof RunFailure ? error : new RunFailure(undefined, error);
      const { code, message } = describeError(failure.error, 'HANDLER_FAILED');
      this.logger.warn(`${consumer.name}: a run of ${run.length} events failed (${code} ${message}); applying around the failure`);
      return failure;
    }
  }

  /**
   * Attempts `retry.attempts` in all, dead-lettering after the last. `earlier`: the error of a
   * run in which this event already had its first attempt.
   */
  async applyWithRetries<P>(delivery: Delivery, event: EventEnvelope<P>, handler: EventHandlerFn<P>, heartbeat: () => Promise<void>, earlier?: unknown): Promise<void> {
    const { consumer } = delivery;
    let lastError = earlier;
    for (let attempt = earlier === undefined ? 1 : 2; ; attempt++) {
      if (attempt > consumer.retry.attempts) return deadLetterOne(this.logger, delivery, lastError, attempt - 1, 'HANDLER_FAILED', event);
      if (attempt > 1) {
        await heartbeat();
        await sleep(backoffDelay(consumer.retry, attempt - 1));
      }
      try {
        await this.apply(consumer, [event], handler);
        return;
      } catch (error) {
        lastError = error instanceof RunFailure ? error.error : error;
        const { code, message } = describeError(lastError, 'HANDLER_FAILED');
        this.logger.warn(`${consumer.name}: ${event.type} ${event.eventId} attempt ${attempt}/${consumer.retry.attempts} failed: ${code} ${message}`);
      }
    }
  }

  /** Claims the events and applies those not applied before, in order, in one transaction. */
  private apply<P>(consumer: ConsumerDefinition, events: EventEnvelope<P>[], handler: EventHandlerFn<P>): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      await consumer.beginTransaction?.(em);
      const fresh = await claimEvents(em, consumer.name, events.map((e) => e.eventId));
      const run = new RunScope();
      for (const [index, event] of events.entries()) {
        // delete: an event delivered twice within one run is applied once.
        if (!fresh.delete(event.eventId)) continue;
        try {
          await handler(event, em, run);
        } catch (error) {
          throw new RunFailure(index, error);
        }
      }
      // A single event's flush failing is that event's failure; a run's is not pinned on one.
      await run.flush().catch((error: unknown) => {
        throw new RunFailure(events.length === 1 ? 0 : undefined, error);
      });
    });
  }
}
