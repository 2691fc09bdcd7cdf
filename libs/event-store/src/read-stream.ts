import type { Pool } from 'pg';
import type { EventEnvelope, EventRegistry } from '@app/events';
import { ENVELOPE_COLUMNS, rowToEnvelope } from './row-to-envelope';

/** One stream's events after `fromVersion`, in version order, upcast to their latest contract. */
export class StreamReader {
  private readonly text: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly registry: EventRegistry,
  ) {
    this.text = `SELECT ${ENVELOPE_COLUMNS} FROM "${schema}".events
      WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version`;
  }

  async read(streamId: string, fromVersion = 0): Promise<EventEnvelope[]> {
    const res = await this.pool.query({ name: `read-stream:${this.schema}`, text: this.text, values: [streamId, fromVersion] });
    return res.rows.map((r) => this.registry.upcastEnvelope(rowToEnvelope(r)));
  }
}
