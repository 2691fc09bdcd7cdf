import type { CommandMeta } from '@app/commands';
import type { AppendOptions } from '@app/event-store';
import { activeTraceparent } from '@app/tracing';

/** How a command's events are stored: who caused them, and the key that stops a second append. */
export type AppendContext = Omit<AppendOptions, 'tx'>;

/** The event that made the saga issue a command: its id is the command's idempotency key. */
export interface EventCause {
  eventId: string;
  correlationId: string;
  userId: string | null;
  /** The event's trace context, if it was appended in a trace. */
  traceparent?: string;
}

/** The saga's span handling the event (ConsumerRuntime's), else the event's own trace context, else none. */
export const traceOf = (cause: EventCause): { traceparent?: string } => {
  const traceparent = activeTraceparent() ?? cause.traceparent;
  return traceparent ? { traceparent } : {};
};

export const fromCommand = (meta: CommandMeta, userId: string): AppendContext => ({
  idempotencyKey: meta.commandId,
  metadata: { correlationId: meta.correlationId, causationId: meta.commandId, userId, ...(meta.traceparent ? { traceparent: meta.traceparent } : {}) },
});

/** `step` tells apart the commands one event causes (keys are unique per store, not per stream). */
export const fromEvent = (cause: EventCause, step: string): AppendContext => ({
  idempotencyKey: `${cause.eventId}:${step}`,
  metadata: { correlationId: cause.correlationId, causationId: cause.eventId, userId: cause.userId, ...traceOf(cause) },
});

/** A deadline fires at most once per order, whichever replica or restart fires it. */
export const fromDeadline = (orderId: string, correlationId: string | null): AppendContext => ({
  idempotencyKey: `payment-deadline:${orderId}`,
  metadata: { correlationId: correlationId ?? orderId, causationId: null, userId: null },
});
