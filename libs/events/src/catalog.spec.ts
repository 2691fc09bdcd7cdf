import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ALL_CONTRACTS, EVENT_REGISTRY } from './catalog';
import { EventSchemaError, UnknownEventError } from './errors';
import { OrderCreated } from './orders';
import { TOPICS } from './topics';
import { UserRegistered } from './users';

const schemaError = (fn: () => unknown): EventSchemaError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof EventSchemaError) return error;
    throw error;
  }
  throw new Error('expected an EventSchemaError');
};

/** Every property name anywhere in a JSON Schema, nested objects and array items included. */
const propertyNames = (node: unknown): string[] => {
  if (node === null || typeof node !== 'object') return [];
  const own = 'properties' in node && node.properties && typeof node.properties === 'object' ? Object.keys(node.properties) : [];
  return [...own, ...Object.values(node).flatMap(propertyNames)];
};

const order = () => ({ orderId: randomUUID(), userId: randomUUID(), lines: [{ sku: 'SKU-1', quantity: 2 }] });

describe('EVENT_REGISTRY', () => {
  it('decodes a stored UserRegistered v1 payload as v2 with role CUSTOMER', () => {
    const v1 = { userId: randomUUID(), email: 'ada@example.com', name: 'Ada' };
    const decoded = EVENT_REGISTRY.decode('UserRegistered', 1, v1);
    expect(decoded.contract).toBe(UserRegistered);
    expect(decoded.payload).toEqual({ ...v1, role: 'CUSTOMER' });
  });

  it('hands an upcast v1 event to aggregates and sagas as a UserRegistered instance', () => {
    const event = EVENT_REGISTRY.toDomainEvent({
      eventId: randomUUID(),
      type: 'UserRegistered',
      schemaVersion: 1,
      streamId: 'user-1',
      aggregateId: '1',
      streamVersion: 1,
      occurredAt: new Date(0).toISOString(),
      payload: { userId: randomUUID(), email: 'ada@example.com', name: 'Ada' },
      metadata: { correlationId: randomUUID(), causationId: null, userId: null },
    });
    expect(event).toBeInstanceOf(UserRegistered);
    expect(event.payload).toMatchObject({ role: 'CUSTOMER' });
  });

  it('keeps the role of a v2 UserRegistered', () => {
    const v2 = { userId: randomUUID(), email: 'root@example.com', name: 'Root', role: 'ADMIN' };
    expect(EVENT_REGISTRY.decode('UserRegistered', 2, v2).payload).toEqual(v2);
  });

  it('rejects an OrderCreated line with quantity 0, naming the field path', () => {
    const error = schemaError(() => EVENT_REGISTRY.validate('OrderCreated', 1, { ...order(), lines: [{ sku: 'SKU-1', quantity: 0 }] }));
    expect(error.code).toBe('EVENT_SCHEMA_INVALID');
    expect(error.issues.map((i) => i.path)).toEqual(['lines.0.quantity']);
  });

  it('rejects an OrderCreated without an orderId, naming the field path', () => {
    const { orderId, ...withoutId } = order();
    const error = schemaError(() => EVENT_REGISTRY.decode('OrderCreated', 1, withoutId));
    expect(error.issues.map((i) => i.path)).toEqual(['orderId']);
  });

  it('rejects a StockAdjusted whose delta is zero', () => {
    const payload = { sku: 'SKU-1', delta: 0, reason: 'CORRECTION', available: 3 };
    expect(schemaError(() => EVENT_REGISTRY.validate('StockAdjusted', 1, payload)).issues.map((i) => i.path)).toEqual(['delta']);
  });

  it('strips unknown keys instead of rejecting them', () => {
    const payload = order();
    const decoded = EVENT_REGISTRY.decode('OrderCreated', 1, { ...payload, paymentToken: 'tok_visa', lines: [{ ...payload.lines[0], note: 'x' }] });
    expect(decoded.payload).toEqual(payload);
    expect(decoded.contract).toBe(OrderCreated);
  });

  it('raises UnknownEventError for a type no contract describes', () => {
    expect(() => EVENT_REGISTRY.decode('OrderTeleported', 1, {})).toThrow(UnknownEventError);
  });

  it('raises UnknownEventError for a version of a known type that was never published', () => {
    expect(() => EVENT_REGISTRY.decode('OrderCreated', 7, order())).toThrow(UnknownEventError);
  });
});

describe('ALL_CONTRACTS', () => {
  it.each(ALL_CONTRACTS.map((c) => [`${c.type} v${c.version}`, c] as const))('%s publishes to one of TOPICS and names its aggregate', (_, c) => {
    expect(Object.values(TOPICS)).toContain(c.topic);
    // Non-empty and dash-free: parseStreamId splits `<aggregate>-<id>` at the first dash.
    expect(c.aggregate).toMatch(/^[a-z]+$/);
  });

  it('carries no password, hash, secret or token field in any contract', () => {
    const offending = ALL_CONTRACTS.flatMap((c) =>
      propertyNames(z.toJSONSchema(c.schema))
        .filter((name) => /password|hash|secret|token/i.test(name))
        .map((name) => `${c.type} v${c.version}: ${name}`),
    );
    expect(offending).toEqual([]);
  });

  it('finds a forbidden field nested in array items (the check above is not vacuous)', () => {
    const schema = z.object({ lines: z.array(z.object({ cardToken: z.string() })) });
    expect(propertyNames(z.toJSONSchema(schema))).toContain('cardToken');
  });
});
