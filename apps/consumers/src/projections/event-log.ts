import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@app/events';
import type { RunBuffer, RunScope } from '@app/messaging';
import { READ_MODEL_SCHEMA as S } from '@app/read-model';
import { queryPrepared, statement } from '../shared/prepared-statement';

/**
 * Positions start at 1 in every store: '0' marks an envelope that carried none (only hand-made
 * test envelopes do; every relay sets it). Refusing them would dead-letter the event and, with
 * it, the projection that rides in the same transaction.
 */
const UNKNOWN_POSITION = '0';

/** Many events into `table` (a quoted, qualified name from code), in one statement: eventLogParams. */
export const eventLogInsert = (table: string) => `
  INSERT INTO ${table} (event_id, stream_id, version, position, type, schema_version, payload, metadata, recorded_at)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[], $9::timestamptz[])
  ON CONFLICT (event_id) DO NOTHING`;

/** One multi-row insert per run (B7: one statement per event was half of the projector's statements). */
export const EVENT_LOG_INSERT = statement(eventLogInsert(`"${S}"."event_log"`));

/** eventLogInsert's parameters: one array per column. */
export const eventLogParams = (events: readonly EventEnvelope[]): unknown[] => {
  const column = <T>(f: (e: EventEnvelope) => T) => events.map(f);
  return [
    column((e) => e.eventId),
    column((e) => e.streamId),
    column((e) => e.streamVersion),
    column((e) => e.position ?? UNKNOWN_POSITION),
    column((e) => e.type),
    column((e) => e.schemaVersion),
    // Every contract is a z.object, so a payload is always a JSON object.
    column((e) => JSON.stringify(e.payload)),
    column((e) => JSON.stringify(e.metadata)),
    // The store's recorded_at travels as occurredAt (row-to-envelope in @app/event-store).
    column((e) => e.occurredAt),
  ];
};

class PendingEventLog implements RunBuffer {
  private readonly events: EventEnvelope[] = [];

  constructor(private readonly em: EntityManager) {}

  add(event: EventEnvelope): void {
    this.events.push(event);
  }

  async flush(): Promise<void> {
    if (this.events.length === 0) return;
    await queryPrepared(this.em, EVENT_LOG_INSERT, eventLogParams(this.events));
    this.events.length = 0;
  }
}

const EVENT_LOG = Symbol('event_log');

/**
 * Records one event of any topic in `read_model.event_log`, for `events(streamId)`: written with
 * the rest of the run, before its transaction commits. The envelope is the upcast one (what every
 * handler sees), so payload and schemaVersion always agree. ON CONFLICT DO NOTHING:
 * processed_events already skips redeliveries, this also keeps a rebuild from the stores harmless.
 */
export const appendToEventLog = (em: EntityManager, event: EventEnvelope, run: RunScope): void => {
  run.buffer(EVENT_LOG, () => new PendingEventLog(em)).add(event);
};
