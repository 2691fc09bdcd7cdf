import type { Pool } from 'pg';
import type { EventEnvelope } from '@app/events';
import { ENVELOPE_COLUMNS, rowToEnvelope } from './row-to-envelope';

/**
 * How far a reader of the whole store has got. A bigserial position is taken before commit, so
 * "position > last seen" skips rows whose transaction commits late (the gap problem). Instead
 * the reader walks ranges of transaction ids: [lowerXid, upperXid) is a range whose transactions
 * had all finished when it was chosen (upperXid = the oldest transaction still running, i.e.
 * pg_snapshot_xmin), so its rows are final; within it rows go in position order, and `position`
 * is the last one delivered. Everything below lowerXid was delivered in earlier ranges.
 * Per-stream order holds: a stream's next version is written by a transaction that saw the
 * previous one committed, so it can never fall in an earlier range.
 */
export interface Checkpoint {
  lowerXid: string;
  upperXid: string;
  position: string;
}

export const START: Checkpoint = { lowerXid: '0', upperXid: '0', position: '0' };

export interface Batch {
  events: EventEnvelope[];
  checkpoint: Checkpoint;
}

export class AllStreamReader {
  private readonly rangeText: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    // `ev.position`, not `position`: ORDER BY would bind the text alias and sort "10" before "2".
    this.rangeText = `SELECT ${ENVELOPE_COLUMNS} FROM "${schema}".events ev
      WHERE ev.transaction_id >= $1::xid8 AND ev.transaction_id < $2::xid8 AND ev.position > $3
      ORDER BY ev.position LIMIT $4`;
  }

  /** The next events after `from`, at most `limit`; an empty batch means caught up for now. */
  async read(from: Checkpoint, limit: number): Promise<Batch> {
    let cp = from;
    for (;;) {
      if (cp.upperXid !== cp.lowerXid) {
        const res = await this.pool.query({ name: `read-all:${this.schema}`, text: this.rangeText, values: [cp.lowerXid, cp.upperXid, cp.position, limit] });
        if (res.rowCount) {
          const events = res.rows.map(rowToEnvelope);
          return { events, checkpoint: { ...cp, position: events[events.length - 1].position! } };
        }
      }
      const horizon = await this.horizon();
      if (horizon === cp.upperXid) return { events: [], checkpoint: cp };
      cp = { lowerXid: cp.upperXid, upperXid: horizon, position: '0' };
    }
  }

  /** Every transaction below this id has finished; none at or above it is visible as final. */
  private async horizon(): Promise<string> {
    const res = await this.pool.query('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin');
    return res.rows[0].xmin;
  }

  /** The newest position in the store (for lag: head minus what a reader has delivered). */
  async head(): Promise<string> {
    const res = await this.pool.query(`SELECT coalesce(max(position), 0)::text AS head FROM "${this.schema}".events`);
    return res.rows[0].head;
  }
}
