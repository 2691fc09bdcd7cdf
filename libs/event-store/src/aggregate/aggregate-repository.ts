import type { DomainEvent } from '@app/events';
import type { EventStore } from '../event-store';
import type { AppendOptions, AppendResult } from '../types';
import type { EventSourcedAggregate } from './event-sourced-aggregate';

/**
 * Loads an aggregate by replaying its stream and saves its uncommitted events at the version it
 * was loaded at: a concurrent writer makes the save fail with ConcurrencyError, never overwrite.
 */
export class AggregateRepository<A extends EventSourcedAggregate> {
  constructor(
    private readonly store: EventStore,
    private readonly create: (id: string) => A,
  ) {}

  /** The aggregate, or undefined when its stream has no events. */
  async load(id: string): Promise<A | undefined> {
    const aggregate = this.create(id);
    const history = await this.store.readStream(aggregate.streamId);
    if (history.length === 0) return undefined;
    for (const envelope of history) {
      aggregate.apply(this.store.registry.toDomainEvent(envelope), true);
      aggregate.version = envelope.streamVersion;
    }
    return aggregate;
  }

  async save(aggregate: A, opts: AppendOptions): Promise<AppendResult | undefined> {
    const events = aggregate.getUncommittedEvents() as DomainEvent[];
    if (events.length === 0) return undefined;
    const result = await this.store.append(aggregate.streamId, aggregate.version, events, opts);
    aggregate.uncommit();
    aggregate.version = result.version;
    return result;
  }
}
