import { Logger } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import type { KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope, EventRegistry } from '@app/events';
import { decodeEnvelope } from '../kafka-codec';
import { describeError, type MessageSource } from '../dead-letter/dead-letter-headers';
import { publishDeadLetter } from '../dead-letter/publish-dead-letter';
import { claimEvent } from './claim-event';
import type { ConsumerDefinition } from './consumer-definition';
import { consumerDefinitionOf } from './consumer-server';
import { whileHeartbeating } from './heartbeat';
import { backoffDelay } from './retry-policy';
import { markSettled } from './settlement';

/** Applies one event; everything it writes goes through `em`, in the transaction that records the event as processed. */
export type EventHandlerFn<P = unknown> = (event: EventEnvelope<P>, em: EntityManager) => Promise<void>;

export type ProcessOutcome = 'processed' | 'duplicate' | 'dead-lettered';

interface Delivery {
  consumer: ConsumerDefinition;
  message: KafkaMessage;
  source: MessageSource;
  producer: Producer;
  heartbeat: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The pipeline every consumed message goes through. Call it from the `@ConsumerPattern` method of
 * a consumer and return its promise:
 *
 *   @ConsumerPattern(INVENTORY, TOPICS.orders)
 *   onOrderEvent(@Ctx() ctx: KafkaContext) {
 *     return this.runtime.process(ctx, (event, em) => this.apply(event, em));
 *   }
 *
 * Decode, validate and upcast; dead-letter at once what can never succeed; otherwise run the
 * handler in one transaction with the idempotency record, retry with backoff, and dead-letter
 * after the last attempt. It resolves only when the message may be committed, and rejects
 * otherwise (then ConsumerServer makes kafkajs deliver it again).
 */
export class ConsumerRuntime {
  private readonly logger = new Logger(ConsumerRuntime.name);

  constructor(
    private readonly registry: EventRegistry,
    private readonly dataSource: DataSource,
  ) {}

  async process<P = unknown>(context: KafkaContext, handler: EventHandlerFn<P>): Promise<ProcessOutcome> {
    const consumer = consumerDefinitionOf(context);
    // ConsumerServer keeps the kafkajs message as received (see keepRaw there).
    const message = context.getMessage() as unknown as KafkaMessage;
    const source = { topic: context.getTopic(), partition: context.getPartition(), offset: message.offset };
    const beat = context.getHeartbeat();
    // A failed heartbeat (e.g. a rebalance under way) must not fail the event: kafkajs sees the
    // rebalance again at its own heartbeat after this message, and re-joins then.
    const heartbeat = () => beat().catch((err: Error) => this.logger.warn(`${consumer.name}: heartbeat failed: ${err.message}`));
    const delivery: Delivery = { consumer, message, source, producer: context.getProducer() as unknown as Producer, heartbeat };

    const outcome = await whileHeartbeating(heartbeat, () => this.run(delivery, handler));
    markSettled(context.getMessage());
    return outcome;
  }

  private async run<P>(delivery: Delivery, handler: EventHandlerFn<P>): Promise<ProcessOutcome> {
    let event: EventEnvelope<P>;
    try {
      event = this.registry.upcastEnvelope<P>(decodeEnvelope(delivery.message));
    } catch (error) {
      // Malformed, unknown or schema-invalid: the same bytes fail the same way every time.
      return this.deadLetter(delivery, error, 0, 'EVENT_UNDECODABLE');
    }

    const { attempts } = delivery.consumer.retry;
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.applyOnce(delivery.consumer, event, handler)) ? 'processed' : 'duplicate';
      } catch (error) {
        const { code, message } = describeError(error, 'HANDLER_FAILED');
        this.logger.warn(`${delivery.consumer.name}: ${event.type} ${event.eventId} attempt ${attempt}/${attempts} failed: ${code} ${message}`);
        if (attempt >= attempts) return this.deadLetter(delivery, error, attempt, 'HANDLER_FAILED', event);
        await delivery.heartbeat();
        await sleep(backoffDelay(delivery.consumer.retry, attempt));
      }
    }
  }

  private applyOnce<P>(consumer: ConsumerDefinition, event: EventEnvelope<P>, handler: EventHandlerFn<P>): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      await consumer.beginTransaction?.(em);
      if (!(await claimEvent(em, consumer.name, event.eventId))) return false;
      await handler(event, em);
      return true;
    });
  }

  private async deadLetter(delivery: Delivery, error: unknown, attempts: number, fallbackCode: string, event?: EventEnvelope<unknown>): Promise<ProcessOutcome> {
    const { consumer, source } = delivery;
    const { code, message } = describeError(error, fallbackCode);
    const what = event ? `${event.type} ${event.eventId}` : `undecodable message`;
    this.logger.error(`${consumer.name}: dead-lettering ${what} from ${source.topic}[${source.partition}]@${source.offset} after ${attempts} attempt(s): ${code} ${message}`);
    try {
      await publishDeadLetter(delivery.producer, consumer.groupId, delivery.message, source, { consumer: consumer.name, code, message, attempts });
    } catch (writeError) {
      // Not settled, so not committed. Rethrowing (ConsumerServer turns it into a failed
      // eachMessage) rather than looping on the write here: kafkajs fetches the message again from
      // its unresolved offset, after its own backoff or a consumer restart, and meanwhile its
      // heartbeats, rebalances and shutdown keep working; a loop would hold all of them up for as
      // long as Kafka refuses the write. The redelivery repeats the attempts; processed_events
      // makes that harmless.
      this.logger.error(`${consumer.name}: ${(writeError as Error).message}; the message will be redelivered`);
      throw writeError;
    }
    return 'dead-lettered';
  }
}
