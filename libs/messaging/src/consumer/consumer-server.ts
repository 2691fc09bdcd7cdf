import { ServerKafka, type KafkaContext, type KafkaParser, type MessageHandler, type ReadPacket } from '@nestjs/microservices';
import { deadLetterTopic } from '@app/events';
import { ensureTopics } from '../ensure-topics';
import { PRODUCER_CONFIG } from '../producer';
import type { ConsumerDefinition } from './consumer-definition';
import { EventNotSettledError } from './errors';
import { isSettled } from './settlement';

export interface ConsumerServerOptions {
  brokers: string[];
  /** Partitions of this group processed at once; order within a partition holds either way. */
  partitionsConsumedConcurrently?: number;
  sessionTimeout?: number;
  heartbeatInterval?: number;
  /** How long a fetch waits for new messages (kafkajs default 5000); shutdown waits for it too. */
  maxWaitTimeInMs?: number;
  /** Where a group without committed offsets starts. Default: the beginning, so a new consumer sees history. */
  fromBeginning?: boolean;
  deadLetterPartitions?: number;
}

type KafkaJsConsumer = Parameters<ServerKafka['bindEvents']>[0];

// The kafkajs consumer of each server -> its definition, so that the runtime finds the consumer
// from the KafkaContext alone and a handler cannot name the wrong one.
const bindings = new WeakMap<KafkaJsConsumer, ConsumerDefinition>();

export const consumerDefinitionOf = (context: KafkaContext): ConsumerDefinition => {
  const definition = bindings.get(context.getConsumer());
  if (!definition) throw new Error('this KafkaContext does not come from a ConsumerServer (see connectConsumer)');
  return definition;
};

// Nest's KafkaParser turns values into strings or objects and header values into strings. The
// runtime decodes messages itself and dead-letters the original bytes, so it gets them untouched.
const keepRaw = { parse: <T>(message: T): T => message } as unknown as KafkaParser;

/**
 * Nest's Kafka transport for one consumer group. Handlers bind to it with
 * `@ConsumerPattern(definition, topic)`, i.e. `@EventPattern(topic, definition.transportId)`.
 *
 * Nest 12's ServerKafka awaits event handlers and lets a rejection reach kafkajs (which then
 * commits nothing and fetches the message again), but the error first goes through Nest's
 * exception filters, and a catch-all filter can turn it into success. So this server decides on
 * its own: a message that the runtime did not settle (processed, duplicate or dead-lettered)
 * fails the kafkajs `eachMessage`, whatever the handler chain returned.
 */
export class ConsumerServer extends ServerKafka {
  constructor(
    readonly definition: ConsumerDefinition,
    private readonly settings: ConsumerServerOptions,
  ) {
    super({
      client: { clientId: definition.clientId, brokers: settings.brokers },
      consumer: {
        groupId: definition.groupId,
        sessionTimeout: settings.sessionTimeout,
        heartbeatInterval: settings.heartbeatInterval,
        maxWaitTimeInMs: settings.maxWaitTimeInMs,
      },
      producer: PRODUCER_CONFIG,
      subscribe: { fromBeginning: settings.fromBeginning ?? true },
      run: { partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently ?? 1 },
      // Nest would append "-server" to both ids (DESIGN.md section 10).
      postfixId: '',
    });
    this.transportId = definition.transportId;
    this.parser = keepRaw;
  }

  override async listen(callback: (err?: unknown, ...optionalParams: unknown[]) => void): Promise<void> {
    try {
      // Auto topic creation is off, and the dead-letter topic must exist before the first failure.
      await ensureTopics(this.settings.brokers, [
        { topic: deadLetterTopic(this.definition.groupId), numPartitions: this.settings.deadLetterPartitions ?? 1 },
      ]);
    } catch (err) {
      return callback(err);
    }
    return super.listen(callback);
  }

  override addHandler(pattern: any, callback: MessageHandler, isEventHandler?: boolean, extras?: Record<string, any>): void {
    // Nest would chain a second handler of the topic behind the first; both would claim the same
    // (consumer, event id), so the second would always be skipped as a duplicate. Fail at start.
    if (this.getHandlerByPattern(pattern)) throw new Error(`${this.definition.name}: more than one handler for ${String(pattern)}; dispatch on the event type in one`);
    super.addHandler(pattern, callback, isEventHandler, extras);
  }

  override async bindEvents(consumer: KafkaJsConsumer): Promise<void> {
    bindings.set(consumer, this.definition);
    return super.bindEvents(consumer);
  }

  override async handleEvent(pattern: string, packet: ReadPacket, context: KafkaContext): Promise<void> {
    let failure: unknown;
    try {
      await super.handleEvent(pattern, packet, context);
    } catch (err) {
      failure = err;
    }
    const message = context.getMessage();
    if (failure === undefined && isSettled(message)) return;
    throw new EventNotSettledError(context.getTopic(), context.getPartition(), message.offset, failure);
  }
}
