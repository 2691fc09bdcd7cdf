import type { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@app/events';
import { consumerHandlerSeconds, consumerRetries } from '@app/metrics';
import { inSpan } from '@app/tracing';
import { describeError } from '../dead-letter/dead-letter-headers';
import { claimEvents } from './claim-event';
import type { ConsumerDefinition } from './consumer-definition';
import { deadLetterOne, type Delivery } from './dead-letter-one';
import { eventSpan } from './event-span';
import { withinBudget } from './handler-budget';
import { backoffDelay, outageDelay, sleep, sleepUnless } from './retry-policy';
import { isTransient } from './transient';
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

/** How a single event ended: applied or dead-lettered, or left for redelivery because the consumer is stopping. */
export type Settlement = 'settled' | 'stopped';

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
   * run in which this event already had its first attempt. A transient failure (isTransient: a
   * dependency down) uses up no attempt: the partition waits, with capped backoff, for as long as
   * the outage lasts, saying so in the log, and gives up only when the consumer stops (the event
   * is then redelivered, here or to the partition's next owner).
   */
  async applyWithRetries<P>(
    delivery: Delivery,
    event: EventEnvelope<P>,
    handler: EventHandlerFn<P>,
    heartbeat: () => Promise<void>,
    stopping: () => boolean,
    earlier?: unknown,
  ): Promise<Settlement> {
    const { consumer, source } = delivery;
    let lastError = earlier;
    const earlierOutage = earlier !== undefined && isTransient(earlier);
    // The run that failed was this event's first attempt, unless an outage failed it.
    let attempt = earlier === undefined || earlierOutage ? 0 : 1;
    let outage: { since: number; waits: number } | undefined = earlierOutage ? { since: Date.now(), waits: 0 } : undefined;
    for (;;) {
      if (attempt >= consumer.retry.attempts) {
        await deadLetterOne(this.logger, delivery, lastError, attempt, 'HANDLER_FAILED', event);
        return 'settled';
      }
      if (outage) {
        const delay = outageDelay(outage.waits++);
        const { code, message } = describeError(lastError, 'UNAVAILABLE');
        this.logger.warn(
          `${consumer.name}: dependency unavailable (${code} ${message}) for ${Math.round((Date.now() - outage.since) / 1000)} s; ` +
            `${source.topic}/${source.partition} waits at ${event.type} ${event.eventId}, next try in ${delay} ms (not dead-lettered: not the event's fault)`,
        );
        await heartbeat();
        if (!(await sleepUnless(delay, stopping))) return 'stopped';
        consumerRetries.inc({ group: consumer.groupId, reason: 'outage' });
      } else if (attempt > 0) {
        consumerRetries.inc({ group: consumer.groupId, reason: 'failure' });
        await heartbeat();
        await sleep(backoffDelay(consumer.retry, attempt));
      }
      try {
        await this.apply(consumer, [event], handler);
        if (outage) this.logger.log(`${consumer.name}: dependency back after ${Math.round((Date.now() - outage.since) / 1000)} s; ${source.topic}/${source.partition} goes on`);
        return 'settled';
      } catch (error) {
        lastError = error instanceof RunFailure ? error.error : error;
        if (isTransient(lastError)) {
          outage ??= { since: Date.now(), waits: 0 };
          continue;
        }
        outage = undefined;
        attempt++;
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
          const timer = consumerHandlerSeconds.startTimer({ group: consumer.groupId, event_type: event.type });
          // In the event's span (when tracing), so what the handler queries, sends and appends joins its trace.
          await inSpan(() => eventSpan(consumer, event), () => withinBudget(handler(event, em, run), consumer.handlerBudgetMs)).then(() => timer());
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
