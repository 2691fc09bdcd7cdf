import type { ClientBase } from 'pg';
import type { EventMetadata } from '@app/events';

/** A connection or pool: what `append` needs to run a statement. */
export interface Queryable {
  query: ClientBase['query'];
}

export interface AppendOptions {
  metadata: EventMetadata;
  /** The same key again appends nothing and returns the first append's result. */
  idempotencyKey?: string;
  /**
   * Run inside the caller's transaction (a client after BEGIN), so that events commit or roll
   * back together with the caller's other writes, e.g. a consumer's effects. A transaction that
   * writes anything before this append must start with `lockForAppend` (append-lock.ts).
   */
  tx?: Queryable;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append (its last event's version). */
  version: number;
  /** The global position of the last event appended (bigint, as a string). */
  position: string;
  /** True when the idempotency key had been used: nothing was appended by this call. */
  duplicate: boolean;
}
