import { parseStreamId, type EventEnvelope } from '@app/events';

export const ENVELOPE_COLUMNS = `position::text AS position, stream_id, stream_version, event_id, event_type,
  schema_version, payload, metadata, recorded_at`;

export interface EventRow {
  position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  payload: unknown;
  metadata: EventEnvelope['metadata'];
  recorded_at: Date;
}

/** A stored row as an envelope, at the version it was written (upcasting is the reader's call). */
export const rowToEnvelope = (r: EventRow): EventEnvelope => ({
  eventId: r.event_id,
  type: r.event_type,
  schemaVersion: r.schema_version,
  streamId: r.stream_id,
  aggregateId: parseStreamId(r.stream_id).id,
  streamVersion: r.stream_version,
  position: r.position,
  occurredAt: r.recorded_at.toISOString(),
  payload: r.payload,
  metadata: r.metadata,
});
