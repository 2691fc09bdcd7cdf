import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineEvent, EventRegistry, TOPICS, type EventEnvelope } from '@app/events';
import { listDeadLetters } from '@app/messaging';
import { waitFor } from '../support/wait-for';
import { brokers, bump, type ConsumerHarness, envelope, harnessStarter, type HarnessOptions } from './consumer-harness';

const Bumped = defineEvent({ type: 'CounterBumped', version: 1, topic: TOPICS.orders, aggregate: 'counter', schema: z.object({ counterId: z.string() }) });
const registry = new EventRegistry([Bumped], []);
const bumped = (counterId: string, key?: string): EventEnvelope<{ counterId: string }> => envelope('CounterBumped', { counterId }, key);
const FAST = { baseDelayMs: 20, maxDelayMs: 100 };
/** A handler slow enough that a batch is still in hand when another member joins (the scenario). */
const SLOW_HANDLER_MS = 20;

describe('the consumer runtime on batches', () => {
  const start = harnessStarter(registry);
  const counters = async (h: ConsumerHarness, ids: string[]) => Promise.all(ids.map((id) => h.counter(id)));

  it('applies a batch in one transaction; a poison event in its middle goes to the dead-letter topic alone and the rest is applied once', async () => {
    const h = await start({
      retry: { attempts: 3, ...FAST },
      behaviour: async (event, em) => {
        if (event.payload.counterId === 'poison') throw Object.assign(new Error('cannot apply poison'), { code: 'TEST_POISON' });
        await bump(em, event.payload.counterId);
      },
    });
    const key = randomUUID();
    const good = Array.from({ length: 40 }, (_, i) => bumped(`good-${i}`, key));
    const poison = bumped('poison', key);
    await h.produceMany([...good.slice(0, 20), poison, ...good.slice(20)]);

    await waitFor('every good event to be applied', async () => (await counters(h, good.map((e) => e.payload.counterId))).every((n) => n === 1));
    await waitFor('the poison to be dead-lettered', async () => (await h.deadLettered()) === 1);
    const entries = await listDeadLetters({ brokers, groupId: h.consumer.groupId });
    expect(entries.map((e) => [e.envelope?.eventId, e.error.code, e.attempts])).toEqual([[poison.eventId, 'TEST_POISON', 3]]);
    expect(h.calls(poison.eventId)).toBe(3);
    expect(await h.counter('poison')).toBeUndefined();
    for (const e of good) expect(h.calls(e.eventId)).toBeLessThanOrEqual(2);
    // Batched: the 40 were recorded by a handful of transactions (before and after the poison), not 40.
    const transactions = new Set((await h.processedAt(good.map((e) => e.eventId))).values());
    expect(transactions.size).toBeLessThanOrEqual(4);
    await waitFor('the whole batch to be committed', async () => (await h.committed()) === 41);
  });

  it('applies a batch delivered twice, and an event repeated inside one batch, once', async () => {
    const h = await start({ behaviour: (event, em) => bump(em, event.payload.counterId).then(() => undefined) });
    const batch = Array.from({ length: 10 }, (_, i) => bumped(`twice-${i}`));
    await h.produceMany([...batch, batch[0], batch[1]]);
    await h.produceMany(batch);
    await waitFor('both deliveries to be committed', async () => (await h.committed()) === 22);
    expect(await counters(h, batch.map((e) => e.payload.counterId))).toEqual(batch.map(() => 1));
    expect(await h.deadLettered()).toBe(0);
  });

  it('applies every event exactly once when another member joins mid-batch and the partitions are reassigned', async () => {
    const slow = async (event: EventEnvelope<{ counterId: string }>, em: Parameters<HarnessOptions['behaviour']>[1]) => {
      await new Promise((r) => setTimeout(r, SLOW_HANDLER_MS));
      await bump(em, event.payload.counterId);
    };
    const h = await start({ partitions: 2, behaviour: slow });
    const events = Array.from({ length: 300 }, (_, i) => bumped(`rebalanced-${i}`));
    await h.produceMany(events);
    await waitFor('the first member to be mid-way', async () => h.deliveries.length >= 20, { intervalMs: 10 });
    expect(h.deliveries.length).toBeLessThan(events.length);
    await h.addMember();

    await waitFor('every event to be applied and committed', async () => (await h.committed()) === events.length, { timeoutMs: 90000 });
    expect(await counters(h, events.map((e) => e.payload.counterId))).toEqual(events.map(() => 1));
    expect((await h.memberIds()).length).toBe(2);
  });
});
