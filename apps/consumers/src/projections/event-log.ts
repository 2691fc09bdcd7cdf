import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@app/events';
import { EventLogEntry } from '@app/read-model';

/**
 * Positions start at 1 in every store: '0' marks an envelope that carried none (only hand-made
 * test envelopes do; every relay sets it). Refusing them would dead-letter the event and, with
 * it, the projection that rides in the same transaction.
 */
const UNKNOWN_POSITION = '0';

/**
 * Records one event of any topic in `read_model.event_log`, for `events(streamId)`. Called in the
 * projection's transaction. The envelope is the upcast one (what every handler sees), so payload
 * and schemaVersion always agree. ON CONFLICT DO NOTHING: processed_events already skips
 * redeliveries, this also keeps a rebuild from the event stores harmless.
 */
export const appendToEventLog = async (em: EntityManager, event: EventEnvelope): Promise<void> => {
  await em
    .createQueryBuilder()
    .insert()
    .into(EventLogEntry)
    .values({
      eventId: event.eventId,
      streamId: event.streamId,
      version: event.streamVersion,
      position: event.position ?? UNKNOWN_POSITION,
      type: event.type,
      schemaVersion: event.schemaVersion,
      // Every contract is a z.object, so a payload is always a JSON object.
      payload: event.payload as object,
      metadata: event.metadata,
      // The store's recorded_at travels as occurredAt (row-to-envelope in @app/event-store).
      recordedAt: new Date(event.occurredAt),
    })
    .orIgnore()
    .updateEntity(false)
    .execute();
};
