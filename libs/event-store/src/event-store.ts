import type { ClientBase, Pool } from 'pg';
import type { DomainEvent, EventEnvelope, EventRegistry } from '@app/events';
import { Appender } from './append';
import { lockForAppend, type StatementRunner } from './append-lock';
import { AllStreamReader, type Batch, type Checkpoint } from './read-all';
import { StreamReader } from './read-stream';
import type { AppendOptions, AppendResult } from './types';

/** One service's event store: its `events` table in its own schema (DESIGN.md section 4). */
export class EventStore {
  private readonly appender: Appender;
  private readonly streams: StreamReader;
  private readonly all: AllStreamReader;

  constructor(
    readonly pool: Pool,
    readonly schema: string,
    readonly registry: EventRegistry,
  ) {
    this.appender = new Appender(pool, schema, registry);
    this.streams = new StreamReader(pool, schema, registry);
    this.all = new AllStreamReader(pool, schema);
  }

  /** Appends at `expectedVersion` (0 for a new stream) or throws ConcurrencyError. */
  append(streamId: string, expectedVersion: number, events: readonly DomainEvent[], opts: AppendOptions): Promise<AppendResult> {
    return this.appender.append(streamId, expectedVersion, events, opts);
  }

  readStream(streamId: string, fromVersion = 0): Promise<EventEnvelope[]> {
    return this.streams.read(streamId, fromVersion);
  }

  /** Every event in commit-safe order, as stored (not upcast: relays forward what was written). */
  readAll(from: Checkpoint, limit: number): Promise<Batch> {
    return this.all.read(from, limit);
  }

  /** Declares, first in a transaction of `db`'s, that it may append here (see append-lock.ts). */
  lockForAppend(db: StatementRunner): Promise<void> {
    return lockForAppend(db, this.schema);
  }

  head(): Promise<string> {
    return this.all.head();
  }

  /**
   * BEGIN ... COMMIT on one client of the store's pool, for a service whose own rows must commit
   * or roll back with the events it appends through `{ tx }`. It declares its appends first
   * (append-lock.ts), so its other writes may come before them. ROLLBACK on any error
   * (rethrown); a client that cannot even roll back is not given back to the pool.
   */
  async transaction<T>(work: (tx: ClientBase) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await lockForAppend(client, this.schema);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw err;
    } finally {
      client.release(broken);
    }
  }
}
