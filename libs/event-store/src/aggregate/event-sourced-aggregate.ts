import { AggregateRoot } from '@nestjs/cqrs';
import type { DomainEvent } from '@app/events';

/**
 * An `@nestjs/cqrs` aggregate whose state changes only through `apply(event)`. Handlers are
 * found by the event's stable wire type (`onOrderCreated`), not its class name, so an event
 * replayed from the store (any class with that type) reaches the same handler.
 */
export abstract class EventSourcedAggregate extends AggregateRoot<DomainEvent> {
  /** The aggregate kind: the stream id prefix, e.g. `order` for `order-<id>`. */
  abstract readonly aggregate: string;
  abstract get id(): string;
  /** The stream version this instance was loaded at plus the events it has since saved. */
  version = 0;

  get streamId(): string {
    return `${this.aggregate}-${this.id}`;
  }

  protected override getEventName(event: DomainEvent): string {
    return event.type;
  }
}
