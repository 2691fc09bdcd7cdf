import type { EventStore } from '../event-store';

export interface RelayLag {
  /** Events stored but not yet published. */
  events: number;
  /** Age of the oldest of them in seconds; 0 when none. */
  seconds: number;
}

/**
 * How far a relay is behind its store, from its checkpoint (read-all.ts: every row of a
 * transaction below lower_xid is published, those of [lower_xid, upper_xid) up to position).
 * Only rows from lower_xid on are looked at, through the (transaction_id, position) index.
 */
export const relayLag = async (store: EventStore, relay: string): Promise<RelayLag> => {
  const { rows } = await store.pool.query<RelayLag>(
    `SELECT count(*)::int AS events, COALESCE(EXTRACT(EPOCH FROM now() - min(e.recorded_at)), 0)::float8 AS seconds
     FROM "${store.schema}".events e
     LEFT JOIN "${store.schema}".relay_checkpoints c ON c.relay = $1
     WHERE e.transaction_id >= COALESCE(c.lower_xid, '0'::xid8)
       AND NOT (c.relay IS NOT NULL AND e.transaction_id < c.upper_xid AND e.position <= c.position)`,
    [relay],
  );
  return rows[0];
};
