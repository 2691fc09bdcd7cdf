import type { IEvent } from '@nestjs/cqrs';
import { EVENT_REGISTRY, type EventEnvelope } from '@app/events';
import type { EventCause } from '../commands/append-context';

// The saga matches events with ofType, i.e. instanceof the shared contract classes, which hold
// only the payload. The envelope fields the commands need (event id as idempotency key,
// correlation) ride along here, keyed by the instance, without changing those classes.
const causes = new WeakMap<object, EventCause>();

export const withCause = <E extends object>(event: E, cause: EventCause): E => {
  causes.set(event, cause);
  return event;
};

export const causeOf = (event: object): EventCause => {
  const cause = causes.get(event);
  if (!cause) throw new Error(`${(event as IEvent & { type?: string }).type ?? 'event'} reached the saga without its envelope (see receivedEvent)`);
  return cause;
};

/** The contract instance of a received (validated, upcast) envelope, carrying its cause. */
export const receivedEvent = (envelope: EventEnvelope): IEvent =>
  withCause(EVENT_REGISTRY.toDomainEvent(envelope), {
    eventId: envelope.eventId,
    correlationId: envelope.metadata.correlationId,
    userId: envelope.metadata.userId,
    ...(envelope.metadata.traceparent ? { traceparent: envelope.metadata.traceparent } : {}),
  });
