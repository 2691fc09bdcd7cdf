import type { Pool } from 'pg';

/** Every event store of the system (a schema each), and the topic its relay publishes to. */
export const STORES = ['users', 'orders', 'payments', 'inventory', 'notifications'] as const;
export type Store = (typeof STORES)[number];

/** notifications.events existed in inventory's store before it had its own; the type decides. */
export const topicOf = (namespace: string, store: Store, type: string): string =>
  `${namespace}.${type === 'NotificationCreated' ? 'notifications' : store}.events`;

export interface StoredEvent {
  store: Store;
  position: string;
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  payload: Record<string, unknown>;
  recordedAt: Date;
  /** Appended after the scenario's baseline: the events this scenario is judged on. */
  inScope: boolean;
}

/** Where each store stood when the scenario began: its events are those above. */
export interface Baseline {
  positions: Record<Store, string>;
  /** ms since the epoch; dead letters and deliveries after it are the scenario's. */
  since: number;
}

/** A missing table (an app not migrated yet) reads as empty rather than failing the oracle. */
export const rowsOrEmpty = async <T>(db: Pool, sql: string, params: unknown[] = []): Promise<T[]> => {
  try {
    return (await db.query(sql, params)).rows as T[];
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return [];
    throw error;
  }
};

export const captureBaseline = async (db: Pool): Promise<Baseline> => {
  const positions = {} as Record<Store, string>;
  for (const store of STORES) {
    const [row] = await rowsOrEmpty<{ head: string }>(db, `SELECT coalesce(max(position), 0)::text AS head FROM "${store}".events`);
    positions[store] = row?.head ?? '0';
  }
  return { positions, since: Date.now() };
};

interface Row {
  position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  payload: Record<string, unknown>;
  recorded_at: Date;
  in_scope: boolean;
}

/** The whole stream of every stream the scenario touched, in version order, from every store. */
export const loadEvents = async (db: Pool, baseline: Baseline): Promise<StoredEvent[]> => {
  const all: StoredEvent[] = [];
  for (const store of STORES) {
    const rows = await rowsOrEmpty<Row>(
      db,
      `SELECT position::text, stream_id, stream_version, event_id::text, event_type, payload, recorded_at, position > $1 AS in_scope
       FROM "${store}".events WHERE stream_id IN (SELECT stream_id FROM "${store}".events WHERE position > $1)
       ORDER BY stream_id, stream_version`,
      [baseline.positions[store]],
    );
    for (const r of rows) {
      all.push({ store, position: r.position, streamId: r.stream_id, version: r.stream_version, eventId: r.event_id, type: r.event_type,
        payload: r.payload, recordedAt: r.recorded_at, inScope: r.in_scope });
    }
  }
  return all;
};

export const byStream = (events: readonly StoredEvent[]): Map<string, StoredEvent[]> => {
  const streams = new Map<string, StoredEvent[]>();
  for (const e of events) {
    const list = streams.get(e.streamId);
    if (list) list.push(e);
    else streams.set(e.streamId, [e]);
  }
  return streams;
};
