import type { EventEnvelope, EventMetadata } from '@app/events';

/** What a consumer appends in reaction to `cause` belongs to its flow and names it as the cause. */
export const causedBy = ({ eventId, metadata }: EventEnvelope): EventMetadata => ({
  correlationId: metadata.correlationId,
  causationId: eventId,
  userId: metadata.userId,
  ...(metadata.traceparent ? { traceparent: metadata.traceparent } : {}),
});
