import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserRegistered, type EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import type { EventHandler } from '../shared/event-handler';
import { versionedIndex } from './bulk-write';
import { SearchRequests, writeInRun } from './search-requests';
import { USERS_ALIAS } from './search-indices';
import type { UserDocument } from './users-index.mapping';

/** The user's document from its UserRegistered; the rebuild (rebuild/) indexes the same. */
export const userDocumentOf = (event: EventEnvelope<UserRegistered['payload']>): UserDocument => {
  const { userId, email, name, role } = event.payload;
  return { id: userId, email, name, role, registeredAt: event.occurredAt };
};

/**
 * Indexes the user under the event's stream version as an external version: Elasticsearch keeps
 * a document only if its version is higher, so an older or repeated event never overwrites a
 * newer one. The write is outside the runtime's database transaction (which holds only the
 * processed_events row), and that is fine: repeating it is harmless, so a failure after it simply
 * retries it.
 */
@Injectable()
export class IndexUserRegistered implements EventHandler<UserRegistered['payload']> {
  readonly eventType = UserRegistered.type;

  constructor(private readonly requests: SearchRequests) {}

  handle(event: EventEnvelope<UserRegistered['payload']>, _em: EntityManager, run: RunScope): Promise<void> {
    // A 409 (the index already holds this version or a newer one) means this event is applied.
    writeInRun(run, this, this.requests, versionedIndex(USERS_ALIAS, event.payload.userId, event.streamVersion, userDocumentOf(event)));
    return Promise.resolve();
  }
}
