import { randomUUID } from 'node:crypto';
import { EVENT_REGISTRY, UserRegistered, UserRegisteredV1, type EventEnvelope } from '@app/events';

type Payload = UserRegistered['payload'];

/**
 * A UserRegistered envelope for a fresh user, as the user service's relay publishes it. The
 * payload goes through the registry (the contract at `schemaVersion`), so the test cannot send
 * what no producer could. `word` is a token unique to this user, to find it in full-text search.
 */
export const userRegistered = (options: { occurredAt?: Date; schemaVersion?: 1 | 2; role?: Payload['role'] } = {}) => {
  const userId = randomUUID();
  const word = `zq${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const { schemaVersion = 2 } = options;
  const fields = { userId, email: `welcome-${userId}@example.test`, name: `Ada <${word}> & Co` };
  const contract = schemaVersion === 1 ? UserRegisteredV1 : UserRegistered;
  const payload = EVENT_REGISTRY.validate<Payload>(contract.type, contract.version, schemaVersion === 1 ? fields : { ...fields, role: options.role ?? 'ADMIN' });
  const envelope: EventEnvelope<Payload> = {
    eventId: randomUUID(),
    type: contract.type,
    schemaVersion,
    streamId: `user-${userId}`,
    aggregateId: userId,
    streamVersion: 1,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    payload,
    metadata: { correlationId: randomUUID(), causationId: null, userId: null },
  };
  return { envelope, userId, email: fields.email, name: fields.name, word };
};
