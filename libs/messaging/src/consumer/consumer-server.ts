import { ServerKafka, type MessageHandler } from '@nestjs/microservices';
import type { EachBatchPayload } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import type { KafkaConnection } from '@app/config';
import { redriveTopic } from '@app/events';
import { ensureTopics } from '../ensure-topics';
import { PRODUCER_CONFIG } from '../producer';
import type { ConsumerDefinition } from './consumer-definition';
import { EventNotSettledError } from './errors';
import { BatchOutcome, KafkaBatchContext } from './batch-context';
import { groupTopics } from './group-topics';
import { deadLetterUnroutable, runsBySource } from './redriven-runs';

/** Where the brokers are and how to authenticate (KafkaConnection), and how this group consumes. */
export interface ConsumerServerOptions extends KafkaConnection {
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

/**
 * Nest's Kafka transport for one consumer group. Handlers bind to it with
 * `@ConsumerPattern(definition, topic)`, i.e. `@EventPattern(topic, definition.transportId)`.
 *
 * The one Nest internal it overrides is `bindEvents`, which would run kafkajs with
 * `eachMessage`: here kafkajs runs `eachBatch` (offsets resolved by us), and each fetched batch
 * of a partition goes to the topic's handler whole, as `(batch, KafkaBatchContext)`. Throughput
 * comes from batches (one transaction per run of events, DESIGN.md section 6). The handler
 * returns ConsumerRuntime's BatchOutcome; the server commits what it says was settled, and
 * nothing when the handler chain returned anything else (Nest's exception filters can turn an
 * error into a value). consumer-server.spec.ts fails if Nest stops calling bindEvents.
 */
export class ConsumerServer extends ServerKafka {
  constructor(
    readonly definition: ConsumerDefinition,
    private readonly settings: ConsumerServerOptions,
  ) {
    super({
      client: { clientId: definition.clientId, brokers: settings.brokers, ssl: settings.ssl, sasl: settings.sasl },
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
  }

  override async listen(callback: (err?: unknown, ...optionalParams: unknown[]) => void): Promise<void> {
    try {
      // Auto topic creation is off, and these must exist before the first failure or redrive.
      await ensureTopics(this.settings, groupTopics(this.definition.groupId, this.settings.deadLetterPartitions ?? 1));
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
    const topics = [...this.messageHandlers.keys()];
    // The group's redrive topic too: what an admin redrives comes back to this group alone.
    if (topics.length > 0) await consumer.subscribe({ ...this.options.subscribe, topics: [...topics, redriveTopic(this.definition.groupId)] });
    await consumer.run({ ...this.options.run, eachBatchAutoResolve: false, eachBatch: (payload) => this.handleBatch(payload) });
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (batch.messages.length === 0) return;
    if (batch.topic === redriveTopic(this.definition.groupId)) return this.handleRedriven(payload);
    const handler = this.getHandlerByPattern(batch.topic);
    if (!handler) throw new Error(`${this.definition.name}: no handler for ${batch.topic}`);
    // Lingering (see lingerMs) here, not in the broker's fetch (min bytes + max wait): that made an
    // idle lingering consumer fetch ten times a second for nothing. Only at the partition's end:
    // a backlog is worked through without pauses.
    if (this.definition.lingerMs && batch.offsetLag() === '0') await new Promise((resolve) => setTimeout(resolve, this.definition.lingerMs));
    await this.settle(payload, handler);
  }

  /**
   * Redriven messages of several source topics share the redrive topic: each run of one source
   * goes to that topic's handler, as a batch of its own (same partition, its own offsets). One no
   * handler takes (its source no longer consumed here) is dead-lettered again rather than
   * holding up the partition.
   */
  private async handleRedriven(payload: EachBatchPayload): Promise<void> {
    for (const run of runsBySource(payload)) {
      const handler = run.topic === undefined ? undefined : this.getHandlerByPattern(run.topic);
      if (handler && !(await this.settle(run.payload, handler)).complete) return;
      if (!handler) await deadLetterUnroutable(this.producer!, this.definition, run);
    }
  }

  /** Runs the handler on the batch and commits what its BatchOutcome says was settled. */
  private async settle(payload: EachBatchPayload, handler: MessageHandler): Promise<BatchOutcome> {
    const { batch } = payload;
    let outcome: unknown;
    let failure: unknown;
    try {
      const result = await handler(batch, new KafkaBatchContext([payload, this.definition, this.producer!]));
      outcome = isObservable(result) ? await lastValueFrom(result, { defaultValue: undefined }) : result;
    } catch (err) {
      failure = err;
    }
    const settled = outcome instanceof BatchOutcome ? outcome.lastSettledOffset : undefined;
    if (settled !== undefined) {
      payload.resolveOffset(settled);
      await payload.commitOffsetsIfNecessary();
    }
    // Stopped early (shutdown, rebalance): kafkajs fetches the rest again, here or elsewhere.
    if (outcome instanceof BatchOutcome) return outcome;
    const first = batch.messages[0].offset;
    throw new EventNotSettledError(batch.topic, batch.partition, settled ?? first, failure);
  }
}
