import type { ClientBase } from 'pg';
import type { EventEnvelope } from '@app/events';

/** What a relay could not publish and stepped over (see RelayParked1795300000000), in the store's own schema. */
export class ParkedEvents {
  constructor(private readonly schema: string) {}

  /** On the leader's connection, before its checkpoint can move past them. */
  async record(client: ClientBase, relay: string, events: EventEnvelope[], reason: string): Promise<void> {
    await client.query(
      `INSERT INTO "${this.schema}".relay_parked (relay, position, event_id, event_type, reason)
       SELECT $1, unnest($2::bigint[]), unnest($3::uuid[]), unnest($4::text[]), $5
       ON CONFLICT (relay, position) DO NOTHING`,
      [relay, events.map((e) => e.position), events.map((e) => e.eventId), events.map((e) => e.type), reason],
    );
  }
}
