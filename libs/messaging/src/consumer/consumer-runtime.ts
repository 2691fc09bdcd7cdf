import { Logger } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { EventEnvelope, EventRegistry } from '@app/events';
import { consumerBatchSize, consumerLag } from '@app/metrics';
import { decodeEnvelope } from '../kafka-codec';
import { BatchOutcome, type KafkaBatchContext } from './batch-context';
import { deadLetterOne, type Delivery } from './dead-letter-one';
import { EventApplier, type EventHandlerFn } from './event-applier';
import { whileHeartbeating } from './heartbeat';

export type { EventHandlerFn } from './event-applier';

type Good<P> = { message: KafkaMessage; event: EventEnvelope<P> };
type Decoded = { message: KafkaMessage; event: EventEnvelope; error?: undefined } | { message: KafkaMessage; event?: undefined; error: unknown };

/**
 * The pipeline every fetched batch goes through. Call it from the `@ConsumerPattern` method of a
 * consumer and return its promise:
 *
 *   @ConsumerPattern(INVENTORY, TOPICS.orders)
 *   onOrderEvent(@Ctx() ctx: KafkaBatchContext) {
 *     return this.runtime.process(ctx, (event, em) => this.apply(event, em));
 *   }
 *
 * Decode, validate and upcast each message; dead-letter at once what can never succeed. Apply
 * runs of good events in offset order, one transaction per run with the idempotency claims of the
 * whole run. When a run fails, apply its events one at a time, each with its retries and backoff,
 * so that a poison event is dead-lettered alone and the rest of its run is applied. Stops between
 * runs when the consumer is stopping or lost the partition. Resolves with how far it settled.
 */
export class ConsumerRuntime {
  private readonly logger = new Logger(ConsumerRuntime.name);
  private readonly applier: EventApplier;

  constructor(
    private readonly registry: EventRegistry,
    dataSource: DataSource,
  ) {
    this.applier = new EventApplier(dataSource, this.logger);
  }

  process<P = unknown>(context: KafkaBatchContext, handler: EventHandlerFn<P>): Promise<BatchOutcome> {
    const { batch, heartbeat: beat, isRunning, isStale } = context.getPayload();
    const consumer = context.getDefinition();
    // A failed heartbeat (e.g. a rebalance under way) must not fail the batch: the partition may
    // be someone else's by now, so the loop below stops at the next run, with what it settled
    // committed (if the group still lets us); kafkajs re-joins at its next heartbeat.
    let partitionInDoubt = false;
    const heartbeat = () =>
      beat().catch((err: Error) => {
        partitionInDoubt = true;
        this.logger.warn(`${consumer.name}: heartbeat failed: ${err.message}`);
      });
    const delivery = (message: KafkaMessage): Delivery => ({
      consumer,
      message,
      source: { topic: batch.topic, partition: batch.partition, offset: message.offset },
      producer: context.getProducer(),
    });
    const decoded = batch.messages.map((message) => this.decode(message));
    consumerBatchSize.observe({ group: consumer.groupId }, batch.messages.length);

    const stopping = () => !isRunning() || isStale() || partitionInDoubt;

    const outcome = whileHeartbeating(heartbeat, async () => {
      let settled: string | undefined;
      // One event alone, with its retries; false when it was left for redelivery (stopping during an outage).
      const applyOne = async (message: KafkaMessage, event: EventEnvelope<P>, earlier?: unknown): Promise<boolean> => {
        if ((await this.applier.applyWithRetries(delivery(message), event, handler, heartbeat, stopping, earlier)) === 'stopped') return false;
        settled = message.offset;
        return true;
      };
      for (let i = 0; i < decoded.length; ) {
        if (stopping()) return new BatchOutcome(settled, false);
        const first = decoded[i];
        if (first.error !== undefined) {
          // Malformed, unknown or schema-invalid: the same bytes fail the same way every time.
          await deadLetterOne(this.logger, delivery(first.message), first.error, 0, 'EVENT_UNDECODABLE');
          settled = decoded[i++].message.offset;
          continue;
        }
        const run: Good<P>[] = [];
        while (i < decoded.length && decoded[i].event && run.length < consumer.maxEventsPerRun) run.push(decoded[i++] as Good<P>);
        const failure = run.length > 1 ? await this.applier.applyRun(consumer, run.map((r) => r.event), handler) : undefined;
        if (failure === undefined && run.length > 1) {
          settled = run[run.length - 1].message.offset;
          continue;
        }
        if (failure && failure.index !== undefined) {
          // The events before the failing one go again as a run; the one that failed continues its
          // attempts alone (the run was its first); the ones after it start the next run.
          i -= run.length - failure.index - 1;
          const before = run.slice(0, failure.index);
          const beforeApplied = before.length > 1 && (await this.applier.applyRun(consumer, before.map((r) => r.event), handler)) === undefined;
          if (beforeApplied) settled = before[before.length - 1].message.offset;
          else for (const good of before) if (!(await applyOne(good.message, good.event))) return new BatchOutcome(settled, false);
          if (!(await applyOne(run[failure.index].message, run[failure.index].event, failure.error))) return new BatchOutcome(settled, false);
          continue;
        }
        // A single event, or a run that failed outside any handler (its claim or its commit).
        for (const { message, event } of run) if (!(await applyOne(message, event))) return new BatchOutcome(settled, false);
      }
      return new BatchOutcome(settled, true);
    });
    return outcome.then((settled) => {
      // Behind the partition's end once this batch is settled: from the last settled message to the high watermark.
      if (settled.lastSettledOffset !== undefined) {
        consumerLag.set({ group: consumer.groupId, topic: batch.topic, partition: String(batch.partition) }, Math.max(0, Number(batch.highWatermark) - Number(settled.lastSettledOffset) - 1));
      }
      return settled;
    });
  }

  private decode(message: KafkaMessage): Decoded {
    try {
      return { message, event: this.registry.upcastEnvelope(decodeEnvelope(message)) };
    } catch (error) {
      return { message, error };
    }
  }
}
