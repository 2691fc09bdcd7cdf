import type { z } from 'zod';
import type { TopicName } from './topics';

/** What every event class carries statically: its contract. */
export interface EventContract<P = unknown> {
  readonly type: string;
  readonly version: number;
  readonly topic: TopicName;
  /** The aggregate kind, i.e. the stream id prefix (`order` in `order-<uuid>`). */
  readonly aggregate: string;
  readonly schema: z.ZodType<P>;
}

/** A domain event instance, as aggregates `apply()` it and the event store appends it. */
export interface DomainEvent<P = unknown> {
  readonly type: string;
  readonly payload: P;
}

export type EventClass<P = unknown> = EventContract<P> & (new (payload: P) => DomainEvent<P>);

/**
 * Makes the base class of one event contract, so that each event is a tiny class in its own file:
 *
 *   export class OrderCreated extends defineEvent({ type: 'OrderCreated', version: 1, ... }) {}
 *
 * The class is what `@nestjs/cqrs` aggregates apply and sagas match on; `type` and `version`
 * are the wire contract.
 */
export const defineEvent = <S extends z.ZodType>(contract: {
  type: string;
  version: number;
  topic: TopicName;
  aggregate: string;
  schema: S;
}) => {
  type P = z.output<S>;
  return class implements DomainEvent<P> {
    static readonly type = contract.type;
    static readonly version = contract.version;
    static readonly topic = contract.topic;
    static readonly aggregate = contract.aggregate;
    static readonly schema = contract.schema as unknown as z.ZodType<P>;
    readonly type = contract.type;
    constructor(readonly payload: P) {}
  };
};
