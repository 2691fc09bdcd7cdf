import { z } from 'zod';
import { defineEvent, EventRegistry, type TopicName, type Upcaster } from '@app/events';

/**
 * Test-only contracts for the event store and relay suites, on a topic of the test's own, so
 * those suites never touch the real contracts' topics. `Deposited` has a v1 and a v2.
 */
export const testEvents = (topic: string) => {
  const t = topic as TopicName;
  class DepositedV1 extends defineEvent({ type: 'Deposited', version: 1, topic: t, aggregate: 'account', schema: z.object({ amount: z.number().int() }) }) {}
  class Deposited extends defineEvent({
    type: 'Deposited',
    version: 2,
    topic: t,
    aggregate: 'account',
    schema: z.object({ amount: z.number().int().positive(), currency: z.enum(['EUR', 'USD']) }),
  }) {}
  class Withdrawn extends defineEvent({ type: 'Withdrawn', version: 1, topic: t, aggregate: 'account', schema: z.object({ amount: z.number().int().positive() }) }) {}
  const upcasters: Upcaster[] = [{ type: 'Deposited', fromVersion: 1, upcast: (p: { amount: number }) => ({ ...p, currency: 'EUR' }) }];
  return { DepositedV1, Deposited, Withdrawn, registry: new EventRegistry([DepositedV1, Deposited, Withdrawn], upcasters) };
};

export const META = { correlationId: '00000000-0000-4000-8000-000000000001', causationId: null, userId: null };
