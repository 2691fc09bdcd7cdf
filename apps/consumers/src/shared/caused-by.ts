import type { EventEnvelope, EventMetadata } from '@app/events';
import { activeTraceparent } from '@app/tracing';

/**
 * What a consumer appends in reaction to `cause` belongs to its flow and names it as the cause.
 * Its trace context is the consumer's span handling the cause when tracing, else the cause's.
 */
export const causedBy = ({ eventId, metadata }: EventEnvelope): EventMetadata => {
  const traceparent = activeTraceparent() ?? metadata.traceparent;
  return { correlationId: metadata.correlationId, causationId: eventId, userId: metadata.userId, ...(traceparent ? { traceparent } : {}) };
};
