import type { EntityManager } from 'typeorm';
import type { Queryable } from '@app/event-store';

/**
 * The pg client under a TypeORM transaction, for `EventStore.append({ tx })`: the event store
 * speaks plain pg, and its events must commit or roll back with the rows written through `em`.
 * TypeORM has no public accessor for it; its Postgres query runner keeps the client in
 * `databaseConnection` (checked here so a TypeORM upgrade that moves it fails loudly, not
 * silently appending outside the transaction).
 */
export const transactionClientOf = (em: EntityManager): Queryable => {
  const runner = em.queryRunner;
  const client = (runner as unknown as { databaseConnection?: Queryable } | undefined)?.databaseConnection;
  if (!runner?.isTransactionActive || typeof client?.query !== 'function') {
    throw new Error('transactionClientOf needs the EntityManager of an active TypeORM transaction');
  }
  return client;
};
