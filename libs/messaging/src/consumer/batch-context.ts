import { BaseRpcContext } from '@nestjs/microservices';
import type { EachBatchPayload, Producer } from 'kafkajs';
import type { ConsumerDefinition } from './consumer-definition';

type BatchContextArgs = [payload: EachBatchPayload, definition: ConsumerDefinition, producer: Producer];

/**
 * What a `@ConsumerPattern` method gets as `@Ctx()`: one fetched batch of one partition, the
 * consumer it was fetched for, and the producer for dead letters. ConsumerRuntime.process takes
 * it whole and returns the BatchOutcome that ConsumerServer acts on.
 */
export class KafkaBatchContext extends BaseRpcContext<BatchContextArgs> {
  getPayload(): EachBatchPayload {
    return this.args[0];
  }

  getDefinition(): ConsumerDefinition {
    return this.args[1];
  }

  getProducer(): Producer {
    return this.args[2];
  }
}

/**
 * How far a batch was settled (processed, duplicate or dead-lettered), in offset order: the
 * server commits through `lastSettledOffset`; kafkajs fetches the rest again. Only an instance
 * of this class counts as an outcome, so a handler chain that returned anything else (an
 * exception filter turning an error into a value, say) settles nothing.
 */
export class BatchOutcome {
  constructor(
    readonly lastSettledOffset: string | undefined,
    /** False when it stopped early (shutdown or rebalance): the rest belongs to whoever fetches it next. */
    readonly complete: boolean,
  ) {}
}
