import { randomUUID } from 'node:crypto';
import type { IHeaders } from 'kafkajs';
import { POISON_HEADER } from '../oracle/kafka-view';

export interface PoisonMessage {
  kind: string;
  /** Topic without the namespace, e.g. `orders`. */
  topic: string;
  key: string;
  value: string;
  headers: IHeaders;
}

/** A complete envelope (see libs/messaging kafka-codec), so only what the kind breaks is broken. */
const envelope = (type: string, schemaVersion: number, aggregate: string, id: string): Record<string, string> => ({
  'event-id': randomUUID(),
  'event-type': type,
  'schema-version': String(schemaVersion),
  'stream-id': `${aggregate}-${id}`,
  'aggregate-id': id,
  'stream-version': '1',
  'occurred-at': new Date().toISOString(),
  'correlation-id': randomUUID(),
  'content-type': 'application/json',
});

/**
 * Messages that can never be applied, one kind per way a message can be bad: not JSON, no
 * envelope, a type no contract knows, and payloads their contract rejects. Each is tagged with
 * POISON_HEADER and its own id, so the oracle knows its dead letters from real ones.
 */
export const POISON_KINDS: readonly ((id: string) => PoisonMessage)[] = [
  (id) => ({ kind: 'not-json', topic: 'orders', key: id, value: '{"orderId": ', headers: envelope('OrderCreated', 1, 'order', id) }),
  (id) => ({ kind: 'no-envelope', topic: 'payments', key: id, value: '{}', headers: {} }),
  (id) => ({ kind: 'unknown-type', topic: 'orders', key: id, value: '{}', headers: envelope('ChaosUnknownHappened', 1, 'order', id) }),
  (id) => ({
    kind: 'invalid-order', topic: 'orders', key: id, value: JSON.stringify({ orderId: id, userId: 'not-a-uuid', lines: [] }),
    headers: envelope('OrderCreated', 1, 'order', id),
  }),
  (id) => ({ kind: 'invalid-user', topic: 'users', key: id, value: JSON.stringify({ userId: id, email: 'nope', name: '', role: 'ROOT' }), headers: envelope('UserRegistered', 2, 'user', id) }),
  (id) => ({ kind: 'unknown-version', topic: 'inventory', key: id, value: '{}', headers: envelope('ProductAdded', 99, 'product', id) }),
  (id) => ({
    kind: 'invalid-payment', topic: 'payments', key: id, value: JSON.stringify({ paymentId: id, orderId: id, amountCents: -5 }),
    headers: envelope('PaymentProcessed', 1, 'payment', id),
  }),
];

export const poisonMessage = (n: number): PoisonMessage => {
  const id = randomUUID();
  const message = POISON_KINDS[n % POISON_KINDS.length](id);
  return { ...message, headers: { ...message.headers, [POISON_HEADER]: id } };
};
