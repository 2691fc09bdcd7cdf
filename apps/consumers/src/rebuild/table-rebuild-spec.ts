import type { ClientBase } from 'pg';
import type { EventEnvelope } from '@app/events';

/** One batch of stored events applied to a read model's tables; flush resolves with the events it had to skip. */
export interface RebuildBatch {
  add(event: EventEnvelope): void;
  flush(db: ClientBase): Promise<number>;
}

/** A quoted, qualified table name: a successor's while copying, the live one's in the swap. */
export type TableName = (table: string) => string;

/** A PostgreSQL read model that rebuildTables can rebuild: its tables and how a batch of events writes them. */
export interface TableRebuildSpec {
  name: string;
  schema: string;
  /**
   * Every table it swaps, in the order every swap locks them: the order the live consumer's
   * transactions write them in, so that waiting on one of them cannot close a cycle.
   */
  tables: readonly string[];
  batch: (table: TableName) => RebuildBatch;
  /** Inside the swap, after the last pass: tables derived from the others (rollups), recomputed whole. */
  finish?: (db: ClientBase, table: TableName) => Promise<void>;
}
