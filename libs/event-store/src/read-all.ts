import type { Pool } from 'pg';
import type { EventEnvelope } from '@app/events';
import { ENVELOPE_COLUMNS, rowToEnvelope } from './row-to-envelope';

/**
 * How far a reader of the whole store has got. A bigserial position is taken before commit, so
 * "position > last seen" skips rows whose transaction commits late (the gap problem). Instead
 * the reader walks ranges of transaction ids: [lowerXid, upperXid) is a range in which no
 * transaction could still add events when it was chosen (see HORIZON_SQL), so its rows are final;
 * within it rows go in position order, and `position` is the last one delivered. Everything
 * below lowerXid was delivered in earlier ranges.
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
  /**
   * True when an append still in flight holds the horizon back: committed events may be waiting
   * behind it. Its commit rings the relay (NOTIFY), but one that rolls back or appends nothing
   * does not, so a reader should look again soon rather than at its idle poll.
   */
  held: boolean;
}

/**
 * The end of the next safe range: the oldest transaction id that can still add events to this
 * table, or, when none can, the snapshot's xmax (every id below it has been assigned; any id
 * assigned later is at least xmax). A transaction that can still append is one that holds a
 * lock on the event table stronger than a reader's, with a transaction id: an append statement
 * locks the table before its first row gets an id, and a longer transaction declares itself
 * first (append-lock.ts). So writes elsewhere in the cluster (another schema, another database,
 * a projection) never delay delivery, as the cluster-wide pg_snapshot_xmin would.
 * Order matters and holds within one statement: the snapshot is taken when it starts, the locks
 * and each backend's current transaction id are read after. A holder whose id is below xmax is
 * then in the snapshot's in-progress list (xip, 64-bit; pg_stat_activity shows 32 bits, hence
 * the modulo); one that finished meanwhile is visible to the next statement's snapshot.
 * It must see every session's backend_xid: with a role per service, the relay's role needs
 * pg_read_all_stats (or membership of the appenders' roles) if the server hides those columns.
 */
const HORIZON_SQL = `
SELECT coalesce(
  (SELECT min(x) FROM pg_snapshot_xip(pg_current_snapshot()) AS x
   WHERE (x::text::numeric % 4294967296)::bigint IN (
     SELECT a.backend_xid::text::bigint
     FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'relation' AND l.relation = $1::regclass AND l.mode <> 'AccessShareLock'
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND a.backend_xid IS NOT NULL)),
  pg_snapshot_xmax(pg_current_snapshot()))::text AS horizon,
  pg_snapshot_xmax(pg_current_snapshot())::text AS xmax`;

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

  /**
   * The next events after `from`, at most `limit`; an empty batch means caught up for now. It
   * moves to a new range at most once per call: under load the horizon moves all the time.
   */
  async read(from: Checkpoint, limit: number): Promise<Batch> {
    const inRange = await this.readRange(from, limit);
    if (inRange) return inRange;
    const { horizon, held } = await this.horizon();
    // Not past the current range (it cannot go back while every appender declares itself).
    if (BigInt(horizon) <= BigInt(from.upperXid)) return { events: [], checkpoint: from, held };
    const next = { lowerXid: from.upperXid, upperXid: horizon, position: '0' };
    return (await this.readRange(next, limit, held)) ?? { events: [], checkpoint: next, held };
  }

  private async readRange(cp: Checkpoint, limit: number, held = false): Promise<Batch | undefined> {
    if (cp.upperXid === cp.lowerXid) return undefined;
    const res = await this.pool.query({ name: `read-all:${this.schema}`, text: this.rangeText, values: [cp.lowerXid, cp.upperXid, cp.position, limit] });
    if (!res.rowCount) return undefined;
    const events = res.rows.map(rowToEnvelope);
    return { events, checkpoint: { ...cp, position: events[events.length - 1].position! }, held };
  }

  private async horizon(): Promise<{ horizon: string; held: boolean }> {
    const res = await this.pool.query({ name: `horizon:${this.schema}`, text: HORIZON_SQL, values: [`"${this.schema}".events`] });
    const { horizon, xmax } = res.rows[0];
    return { horizon, held: horizon !== xmax };
  }

  /** The newest position in the store (for lag: head minus what a reader has delivered). */
  async head(): Promise<string> {
    const res = await this.pool.query(`SELECT coalesce(max(position), 0)::text AS head FROM "${this.schema}".events`);
    return res.rows[0].head;
  }
}
