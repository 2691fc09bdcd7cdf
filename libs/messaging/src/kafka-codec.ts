import type { IHeaders } from 'kafkajs';
import type { EventEnvelope } from '@app/events';

/** Header names of the envelope on the wire; the value is the payload as JSON, the key the aggregate id. */
export const H = {
  eventId: 'event-id',
  type: 'event-type',
  schemaVersion: 'schema-version',
  streamId: 'stream-id',
  aggregateId: 'aggregate-id',
  streamVersion: 'stream-version',
  position: 'position',
  occurredAt: 'occurred-at',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  userId: 'user-id',
  traceparent: 'traceparent',
  contentType: 'content-type',
} as const;

export interface WireMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export const encodeEnvelope = (e: EventEnvelope): WireMessage => {
  const headers: Record<string, string> = {
    [H.eventId]: e.eventId,
    [H.type]: e.type,
    [H.schemaVersion]: String(e.schemaVersion),
    [H.streamId]: e.streamId,
    [H.aggregateId]: e.aggregateId,
    [H.streamVersion]: String(e.streamVersion),
    [H.occurredAt]: e.occurredAt,
    [H.correlationId]: e.metadata.correlationId,
    [H.contentType]: 'application/json',
  };
  if (e.position !== undefined) headers[H.position] = e.position;
  if (e.metadata.causationId) headers[H.causationId] = e.metadata.causationId;
  if (e.metadata.userId) headers[H.userId] = e.metadata.userId;
  if (e.metadata.traceparent) headers[H.traceparent] = e.metadata.traceparent;
  return { key: e.aggregateId, value: JSON.stringify(e.payload), headers };
};

/** A message that is not one of our envelopes (missing header, bad JSON): never retried. */
export class MalformedMessageError extends Error {
  readonly code = 'MESSAGE_MALFORMED';
}

const text = (headers: IHeaders | undefined, name: string): string | undefined => {
  const raw = headers?.[name];
  const one = Array.isArray(raw) ? raw[0] : raw;
  return one === undefined ? undefined : one.toString();
};

/**
 * Rebuilds the envelope from a received message. Only the framing is checked here; the payload
 * is validated against its contract by the consumer runtime (EventRegistry.decode).
 */
export const decodeEnvelope = (msg: { key?: Buffer | string | null; value: Buffer | string | null | unknown; headers?: IHeaders }): EventEnvelope => {
  const need = (name: string): string => {
    const v = text(msg.headers, name);
    if (!v) throw new MalformedMessageError(`header ${name} is missing`);
    return v;
  };
  const int = (name: string): number => {
    const n = Number(need(name));
    if (!Number.isInteger(n) || n < 1) throw new MalformedMessageError(`header ${name} is not a positive integer`);
    return n;
  };
  let payload: unknown;
  if (Buffer.isBuffer(msg.value) || typeof msg.value === 'string') {
    try {
      payload = JSON.parse(msg.value.toString());
    } catch {
      throw new MalformedMessageError('value is not JSON');
    }
  } else {
    // Nest's ServerKafka has already parsed JSON values.
    payload = msg.value;
  }
  return {
    eventId: need(H.eventId),
    type: need(H.type),
    schemaVersion: int(H.schemaVersion),
    streamId: need(H.streamId),
    aggregateId: need(H.aggregateId),
    streamVersion: int(H.streamVersion),
    position: text(msg.headers, H.position),
    occurredAt: need(H.occurredAt),
    payload,
    metadata: {
      correlationId: need(H.correlationId),
      causationId: text(msg.headers, H.causationId) ?? null,
      userId: text(msg.headers, H.userId) ?? null,
      traceparent: text(msg.headers, H.traceparent),
    },
  };
};
