import type { QueryResult, QueryResultRow } from 'pg';
import type { EntityManager } from 'typeorm';
import { transactionClientOf } from './transaction-client';

/** A statement's text and the name pg prepares it under on each connection. */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

/**
 * pg keeps a named statement prepared per connection, and refuses one name for two texts: each
 * text gets its own name, for the life of the process. Texts come from code (a fixed handful per
 * consumer), never from input, so this stays small.
 */
const byText = new Map<string, Statement>();

/** The Statement of `text`; call it once per text (a module constant), not per event. */
export const statement = (text: string): Statement => {
  let found = byText.get(text);
  if (found === undefined) {
    found = { name: `consumers-${byText.size + 1}`, text };
    byText.set(text, found);
  }
  return found;
};

/**
 * Runs `statement` in the caller's TypeORM transaction, by name, on the transaction's own pg
 * connection: parsed and planned once per pooled connection instead of once per event, and
 * without TypeORM's per-call query path (B7: together most of the projector's time per event).
 * It commits or rolls back with everything else the transaction writes.
 */
export const queryPrepared = <R extends QueryResultRow = QueryResultRow>(em: EntityManager, { name, text }: Statement, values: unknown[]): Promise<QueryResult<R>> =>
  transactionClientOf(em).query<R>({ name, text, values });
