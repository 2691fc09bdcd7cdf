import { Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { of } from 'rxjs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { deadLetterTopic, defineEvent, EventRegistry, TOPICS, type EventEnvelope } from '@app/events';
import { encodeEnvelope, H, listDeadLetters } from '@app/messaging';
import { waitFor } from '../support/wait-for';
import { brokers, bump, type ConsumerHarness, envelope, harnessStarter, type HarnessOptions } from './consumer-harness';
import { consumerDeadLetters, consumerRetries } from '@app/metrics';

// Test-only contracts. Their home topic is irrelevant here: each test produces to its own topic.
const CounterBumpedV1 = defineEvent({ type: 'CounterBumped', version: 1, topic: TOPICS.orders, aggregate: 'counter', schema: z.object({ counterId: z.string() }) });
const CounterBumped = defineEvent({
  type: 'CounterBumped',
  version: 2,
  topic: TOPICS.orders,
  aggregate: 'counter',
  schema: z.object({ counterId: z.string(), by: z.number().int().positive() }),
});
const registry = new EventRegistry([CounterBumpedV1, CounterBumped], [{ type: 'CounterBumped', fromVersion: 1, upcast: (p: { counterId: string }) => ({ ...p, by: 1 }) }]);

type Bumped = { counterId: string; by: number };
const bumped = (counterId: string, key?: string): EventEnvelope<Bumped> => ({ ...envelope('CounterBumped', { counterId, by: 1 }, key), schemaVersion: 2 });
const applyBump = async (event: EventEnvelope<Bumped>, em: Parameters<HarnessOptions['behaviour']>[1]) => {
  await bump(em, event.payload.counterId, event.payload.by);
};
const FAST = { baseDelayMs: 20, maxDelayMs: 100 };

@Catch()
class SwallowEverything implements ExceptionFilter {
  catch() {
    return of(null);
  }
}

describe('the consumer runtime against Kafka and PostgreSQL', () => {
  const start = harnessStarter(registry);

  it('dead-letters a poison event after its attempts, with the error in its headers, and goes on with later events of the same partition', async () => {
    const h = await start({
      partitions: 3,
      retry: { attempts: 3, ...FAST },
      behaviour: async (event, em) => {
        if (event.payload.counterId === 'poison') throw Object.assign(new Error('cannot apply poison'), { code: 'TEST_POISON' });
        await applyBump(event, em);
      },
    });
    const key = randomUUID();
    const poison = bumped('poison', key);
    const later = bumped('after-poison', key);
    await h.produce(poison);
    await h.produce(later);

    await waitFor('the later event to be applied', async () => (await h.counter('after-poison')) === 1);
    await waitFor('both offsets to be committed', async () => (await h.committed()) === 2);
    const entries = await listDeadLetters({ brokers, groupId: h.consumer.groupId });

    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      key,
      error: { code: 'TEST_POISON', message: 'cannot apply poison' },
      attempts: 3,
      consumer: h.consumer.name,
      source: { topic: h.topic, offset: '0' },
      envelope: { eventId: poison.eventId, type: 'CounterBumped', schemaVersion: 2, payload: poison.payload },
    });
    expect(Date.parse(entries[0].failedAt)).not.toBeNaN();
    expect(h.calls(poison.eventId)).toBe(3);
    expect(h.calls(later.eventId)).toBe(1);
    // And /metrics says so: the two retries before it, the dead letter with its code (libs/metrics).
    const sample = async (metric: typeof consumerRetries | typeof consumerDeadLetters, labels: Record<string, string>) =>
      (await metric.get()).values.find((v) => Object.entries(labels).every(([k, value]) => (v.labels as Record<string, unknown>)[k] === value))?.value;
    expect(await sample(consumerRetries, { group: h.consumer.groupId, reason: 'failure' })).toBe(2);
    expect(await sample(consumerDeadLetters, { group: h.consumer.groupId, code: 'TEST_POISON' })).toBe(1);
    expect(new Set(h.deliveries.map((d) => d.partition))).toEqual(new Set([entries[0].source.partition]));
    expect(await h.counter('poison')).toBeUndefined();
    // Kept until redriven or discarded: the broker never ages a dead letter out.
    const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: deadLetterTopic(h.consumer.groupId) }] });
      const retention = Object.fromEntries(resources[0].configEntries.map((e) => [e.configName, e.configValue]));
      expect(retention).toMatchObject({ 'retention.ms': '-1', 'retention.bytes': '-1' });
    } finally {
      await admin.disconnect();
    }
  });

  it('hosts two consumer groups in one app, each applying every event once through its own handler', async () => {
    const h = await start({
      behaviour: (event, em) => bump(em, `first-${event.payload.counterId}`).then(() => undefined),
      otherConsumers: [(event, em) => bump(em, `second-${event.payload.counterId}`).then(() => undefined)],
    });
    const [first, second] = h.consumers;
    const event = bumped(randomUUID());
    await h.produce(event);

    await waitFor('both groups to commit the event', async () => (await h.committed(first.groupId)) === 1 && (await h.committed(second.groupId)) === 1);

    expect([h.calls(event.eventId, first.name), h.calls(event.eventId, second.name)]).toEqual([1, 1]);
    expect(await h.counter(`first-${event.payload.counterId}`)).toBe(1);
    expect(await h.counter(`second-${event.payload.counterId}`)).toBe(1);
    expect((await h.processedEvents()).map((r) => r.consumer).sort()).toEqual([first.name, second.name].sort());
  });

  it('applies an event delivered twice only once', async () => {
    const h = await start({ behaviour: applyBump });
    const event = bumped(`twice-${randomUUID()}`);
    const wire = encodeEnvelope(event);
    await h.produceRaw(wire);
    await h.produceRaw(wire);

    await waitFor('both deliveries to be committed', async () => (await h.committed()) === 2);

    expect(await h.counter(event.payload.counterId)).toBe(1);
    expect(h.calls(event.eventId)).toBe(1);
    expect(await h.processedEvents()).toEqual([{ consumer: h.consumer.name, event_id: event.eventId }]);
    expect(await h.deadLettered()).toBe(0);
  });

  it('dead-letters schema-invalid, malformed and unknown messages at once without calling the handler, and goes on', async () => {
    const seen: EventEnvelope[] = [];
    const h = await start({
      retry: { attempts: 5, ...FAST },
      behaviour: async (event, em) => {
        seen.push(event);
        await applyBump(event, em);
      },
    });
    const { [H.type]: _type, ...withoutType } = encodeEnvelope(bumped('x')).headers;
    await h.produce({ ...bumped('invalid'), payload: { counterId: 'invalid', by: 'lots' } });
    await h.produceRaw({ ...encodeEnvelope(bumped('no-type')), headers: withoutType });
    await h.produceRaw({ ...encodeEnvelope(bumped('not-json')), value: 'not json {' });
    await h.produce(envelope('NoSuchEvent', { counterId: 'unknown' }));
    // The next valid event is an old version: it reaches the handler upcast to the latest.
    const valid = { ...envelope('CounterBumped', { counterId: `valid-${randomUUID()}` }), schemaVersion: 1 };
    await h.produce(valid);

    await waitFor('the valid event to be applied', async () => (await h.counter(valid.payload.counterId)) === 1);
    await waitFor('all five offsets to be committed', async () => (await h.committed()) === 5);
    const entries = await listDeadLetters({ brokers, groupId: h.consumer.groupId });

    expect(entries.map((e) => [e.source.offset, e.error.code, e.attempts])).toEqual([
      ['0', 'EVENT_SCHEMA_INVALID', 0],
      ['1', 'MESSAGE_MALFORMED', 0],
      ['2', 'MESSAGE_MALFORMED', 0],
      ['3', 'EVENT_TYPE_UNKNOWN', 0],
    ]);
    expect(entries[1].error.message).toBe('header event-type is missing');
    expect(h.deliveries).toEqual([{ consumer: h.consumer.name, eventId: valid.eventId, partition: 0 }]);
    expect(seen[0]).toMatchObject({ schemaVersion: 2, payload: { counterId: valid.payload.counterId, by: 1 } });
  });

  it('processes an event whose handler fails twice then succeeds exactly once, without dead-lettering it', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    let failures = 0;
    const h = await start({
      retry: { attempts: 5, ...FAST },
      behaviour: async (event, em) => {
        // The write before the throw must be rolled back with the attempt.
        await applyBump(event, em);
        if (failures++ < 2) throw new Error(`transient failure ${failures}`);
      },
    });
    const event = bumped(`flaky-${randomUUID()}`);
    await h.produce(event);

    await waitFor('the event to be applied', async () => (await h.counter(event.payload.counterId)) === 1);
    await waitFor('its offset to be committed', async () => (await h.committed()) === 1);

    expect(h.calls(event.eventId)).toBe(3);
    expect(await h.counter(event.payload.counterId)).toBe(1);
    expect(await h.deadLettered()).toBe(0);
    // Each failure is logged with the event's id, type, attempt and error, never its payload.
    const logged = warn.mock.calls.map(([line]) => String(line)).filter((line) => line.includes(event.eventId));
    expect(logged).toEqual([
      `${h.consumer.name}: CounterBumped ${event.eventId} attempt 1/5 failed: HANDLER_FAILED transient failure 1`,
      `${h.consumer.name}: CounterBumped ${event.eventId} attempt 2/5 failed: HANDLER_FAILED transient failure 2`,
    ]);
    warn.mockRestore();
  });

  it('counts a handler that outlasts its budget as a failed attempt: retried, and the event applied once', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    let hung = false;
    const h = await start({
      retry: { attempts: 3, ...FAST },
      handlerBudgetMs: 500,
      behaviour: async (event, em) => {
        await applyBump(event, em);
        // The first attempt awaits an answer that never comes (a call without a timeout, say).
        if (!hung) {
          hung = true;
          await new Promise(() => undefined);
        }
      },
    });
    const event = bumped(`hung-${randomUUID()}`);
    await h.produce(event);

    await waitFor('the event to be applied', async () => (await h.counter(event.payload.counterId)) === 1, { timeoutMs: 30000 });
    await waitFor('its offset to be committed', async () => (await h.committed()) === 1);
    expect(h.calls(event.eventId)).toBe(2);
    expect(await h.counter(event.payload.counterId)).toBe(1);
    expect(await h.deadLettered()).toBe(0);
    expect(warn.mock.calls.map(([line]) => String(line))).toContainEqual(expect.stringContaining(`${event.eventId} attempt 1/3 failed: HANDLER_TIMEOUT`));
    warn.mockRestore();
  });

  it('waits out a dependency outage longer than all its attempts, dead-letters nothing, and applies the event once it is back', async () => {
    let down = true;
    let triesWhileDown = 0;
    const h = await start({
      retry: { attempts: 2, ...FAST },
      behaviour: async (event, em) => {
        // What pg throws while PostgreSQL refuses connections: the runtime must not blame the event.
        if (down) {
          triesWhileDown++;
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        }
        await applyBump(event, em);
      },
    });
    const event = bumped(`outage-${randomUUID()}`);
    await h.produce(event);

    await waitFor('more tries than the policy has attempts', () => triesWhileDown > 3, { timeoutMs: 30000 });
    expect(await h.deadLettered()).toBe(0);
    expect(await h.committed()).toBe(0);
    down = false;
    await waitFor('the event to be applied once the dependency is back', async () => (await h.counter(event.payload.counterId)) === 1, { timeoutMs: 60000 });
    await waitFor('its offset to be committed', async () => (await h.committed()) === 1);
    expect(await h.deadLettered()).toBe(0);
  });

  // Nest's exception filters see a handler's rejection before kafkajs does, and a catch-all filter
  // can turn it into success; the server must not commit the event either way.
  it.each([
    ['', []],
    [' even when a catch-all exception filter swallows the failure', [new SwallowEverything()]],
  ])('does not commit an event whose dead-letter write fails: it is redelivered, then dead-lettered, and later events follow%s', async (_, globalFilters) => {
    const h = await start({
      globalFilters,
      retry: { attempts: 2, ...FAST },
      behaviour: async (event, em) => {
        if (event.payload.counterId === 'poison') throw new Error('cannot apply poison');
        await applyBump(event, em);
      },
    });
    const [, , serverProducer] = h.server.unwrap<[unknown, unknown, { send: (...args: unknown[]) => Promise<unknown> }]>();
    const send = jest.spyOn(serverProducer, 'send').mockRejectedValueOnce(new Error('simulated: not enough in-sync replicas'));
    const key = randomUUID();
    const poison = bumped('poison', key);
    const later = bumped(`after-${randomUUID()}`, key);
    await h.produce(poison);
    await h.produce(later);

    await waitFor('the later event to be applied', async () => (await h.counter(later.payload.counterId)) === 1);
    await waitFor('both offsets to be committed', async () => (await h.committed()) === 2);

    // First delivery: 2 attempts, refused dead-letter write; redelivery: 2 attempts, written.
    expect(h.calls(poison.eventId)).toBe(4);
    expect(send).toHaveBeenCalledTimes(2);
    const entries = await listDeadLetters({ brokers, groupId: h.consumer.groupId });
    expect(entries.map((e) => [e.envelope?.eventId, e.error.code, e.attempts])).toEqual([[poison.eventId, 'HANDLER_FAILED', 2]]);
  });
});
