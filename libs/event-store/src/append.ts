import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { isUniqueViolation } from '@app/database';
import type { DomainEvent, EventClass, EventRegistry } from '@app/events';
import { ConcurrencyError } from './errors';
import type { AppendOptions, AppendResult } from './types';

/**
 * One statement, one round trip, one implicit transaction: check the expected version, claim the
 * idempotency key and insert every event (unnest = one multi-row insert). The key row is only
 * written when the version matches, and events only when the key was free, so a failed check
 * leaves nothing behind. Two writers that both pass the check collide on
 * UNIQUE(stream_id, stream_version); the loser's statement fails whole.
 * Plain `pg` with a named (prepared) statement: this is the hot path, TypeORM adds nothing here.
 */
const appendSql = (s: string) => `
WITH cur AS (
  SELECT coalesce(max(stream_version), 0) AS v FROM "${s}".events WHERE stream_id = $1
), claimed AS (
  INSERT INTO "${s}".idempotency_keys (key, stream_id, last_event_id)
  SELECT $3, $1, ($4::uuid[])[array_length($4::uuid[], 1)] FROM cur WHERE cur.v = $2 AND $3::text IS NOT NULL
  ON CONFLICT (key) DO NOTHING
  RETURNING 1
), ins AS (
  INSERT INTO "${s}".events (stream_id, stream_version, event_id, event_type, schema_version, payload, metadata)
  SELECT $1, cur.v + e.ord, e.id, e.type, e.ver, e.payload, $8
  FROM cur, unnest($4::uuid[], $5::text[], $6::int[], $7::jsonb[]) WITH ORDINALITY AS e(id, type, ver, payload, ord)
  WHERE cur.v = $2 AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM claimed))
  RETURNING position, stream_version
)
SELECT (SELECT v FROM cur) AS actual, max(position)::text AS position, max(stream_version) AS version FROM ins`;

const replaySql = (s: string) => `
SELECT e.stream_id, e.stream_version AS version, e.position::text AS position
FROM "${s}".idempotency_keys k JOIN "${s}".events e ON e.event_id = k.last_event_id
WHERE k.key = $1`;

export class Appender {
  private readonly appendText: string;
  private readonly replayText: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly registry: EventRegistry,
  ) {
    this.appendText = appendSql(schema);
    this.replayText = replaySql(schema);
  }

  async append(streamId: string, expectedVersion: number, events: readonly DomainEvent[], opts: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    // Validate before touching the database: a bad payload stores nothing.
    const versions = events.map((e) => this.writableVersion(e));
    const payloads = events.map((e, i) => JSON.stringify(this.registry.validate(e.type, versions[i], e.payload)));
    const key = opts.idempotencyKey ?? null;
    const db = opts.tx ?? this.pool;
    let row: { actual: number; position: string | null; version: number | null };
    try {
      const res = await db.query({
        name: `append:${this.schema}`,
        text: this.appendText,
        values: [streamId, expectedVersion, key, events.map(() => randomUUID()), events.map((e) => e.type), versions, payloads, JSON.stringify(opts.metadata)],
      });
      row = res.rows[0];
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // Inside a caller's transaction the error has aborted it, so nothing more can be read
      // there: the winner wrote at least the next version, which is what we report.
      if (opts.tx) throw new ConcurrencyError(streamId, expectedVersion, expectedVersion + 1);
      if (key && err.constraint === 'idempotency_keys_pkey') return this.replay(key, streamId, expectedVersion);
      throw new ConcurrencyError(streamId, expectedVersion, await this.currentVersion(streamId));
    }
    if (row.position !== null) return { streamId, version: Number(row.version), position: row.position, duplicate: false };
    if (key) return this.replay(key, streamId, expectedVersion, Number(row.actual));
    throw new ConcurrencyError(streamId, expectedVersion, Number(row.actual));
  }

  /** Writers always write the newest version of a contract; older ones exist only to be read. */
  private writableVersion(event: DomainEvent): number {
    const latest = this.registry.latest(event.type);
    const own = (event.constructor as Partial<EventClass>).version;
    if (own !== undefined && own !== latest.version) {
      throw new Error(`${event.type} v${own} is not the current version (v${latest.version}): write the current one`);
    }
    return latest.version;
  }

  private async replay(key: string, streamId: string, expected: number, actual?: number): Promise<AppendResult> {
    const res = await this.pool.query({ name: `replay:${this.schema}`, text: this.replayText, values: [key] });
    if (res.rowCount === 0) throw new ConcurrencyError(streamId, expected, actual ?? (await this.currentVersion(streamId)));
    const r = res.rows[0];
    return { streamId: r.stream_id, version: r.version, position: r.position, duplicate: true };
  }

  private async currentVersion(streamId: string): Promise<number> {
    const res = await this.pool.query(`SELECT coalesce(max(stream_version), 0) AS v FROM "${this.schema}".events WHERE stream_id = $1`, [streamId]);
    return Number(res.rows[0].v);
  }
}
