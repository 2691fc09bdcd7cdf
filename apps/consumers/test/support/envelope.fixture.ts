import { randomInt, randomUUID } from 'node:crypto';
import { EVENT_REGISTRY, type EventClass, type EventEnvelope } from '@app/events';

/**
 * An envelope as a producer's relay publishes it: the payload goes through the contract (so a
 * test cannot send what no producer could), and it has a position, a correlation and a causation.
 */
export const envelopeOf = <P>(
  contract: EventClass<P>,
  payload: P,
  { aggregateId, streamVersion, occurredAt = new Date() }: { aggregateId: string; streamVersion: number; occurredAt?: Date },
): EventEnvelope<P> => ({
  eventId: randomUUID(),
  type: contract.type,
  schemaVersion: contract.version,
  streamId: `${contract.aggregate}-${aggregateId}`,
  aggregateId,
  streamVersion,
  position: String(randomInt(1, 2 ** 40)),
  occurredAt: occurredAt.toISOString(),
  payload: EVENT_REGISTRY.validate<P>(contract.type, contract.version, payload),
  metadata: { correlationId: randomUUID(), causationId: randomUUID(), userId: randomUUID() },
});
