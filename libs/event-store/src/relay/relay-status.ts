import type { EventStore } from '../event-store';

export interface RelayStatus {
  /** Events stored but not yet published. */
  events: number;
  /** Age of the oldest of them in seconds; 0 when none. */
  seconds: number;
  /** The session leading the relay (`<application_name> (pid <n>)`), null when none does. */
  leader: string | null;
}

/** How far a relay is behind its store and who leads it: the store's relay_status function (migration 1795600000000). */
export const relayStatus = async (store: EventStore, relay: string): Promise<RelayStatus> => {
  const { rows } = await store.pool.query<RelayStatus>(`SELECT events, seconds, leader FROM "${store.schema}".relay_status($1)`, [relay]);
  return rows[0];
};
