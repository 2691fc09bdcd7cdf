import type { EventEnvelope } from '@app/events';
import { SpanKind, type SpanSpec } from '@app/tracing';
import type { ConsumerDefinition } from './consumer-definition';

/**
 * The span of one consumer handling one event: a child of the span that appended the event (its
 * traceparent), so every consumer's work, the saga's commands included, joins the trace of what
 * caused it. Per event rather than per batch: a batch mixes events of many traces, and a span
 * can have one parent only (a batch span with links would leave each trace without the work).
 */
export const eventSpan = (consumer: ConsumerDefinition, event: EventEnvelope): SpanSpec => ({
  name: `${consumer.name} ${event.type}`,
  kind: SpanKind.CONSUMER,
  parent: event.metadata.traceparent,
  attributes: {
    'messaging.system': 'kafka',
    'messaging.consumer.group.name': consumer.groupId,
    'messaging.message.id': event.eventId,
    'event.type': event.type,
    'event.stream_id': event.streamId,
  },
});
