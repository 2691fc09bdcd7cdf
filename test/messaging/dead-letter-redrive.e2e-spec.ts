import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineEvent, EventRegistry, TOPICS } from '@app/events';
import { listDeadLetters, redriveDeadLetters } from '@app/messaging';
import { waitFor } from '../support/wait-for';
import { brokers, bump, ConsumerHarness, envelope } from './consumer-harness';

const StockReserved = defineEvent({ type: 'StockReserved', version: 1, topic: TOPICS.inventory, aggregate: 'counter', schema: z.object({ counterId: z.string() }) });
const registry = new EventRegistry([StockReserved]);

describe('dead-letter redrive', () => {
  let h: ConsumerHarness | undefined;
  afterEach(async () => {
    await h?.close();
  });

  it('processes a dead-lettered event once when redriven after its handler is fixed, and a second redrive adds nothing', async () => {
    let broken = true;
    h = await new ConsumerHarness({
      registry,
      retry: { attempts: 2, baseDelayMs: 20, maxDelayMs: 100 },
      behaviour: async (event, em) => {
        if (broken) throw new Error('downstream unavailable');
        await bump(em, event.payload.counterId);
      },
    }).start();
    const groupId = h.consumer.groupId;
    const event = envelope('StockReserved', { counterId: `redriven-${randomUUID()}` });
    await h.produce(event);
    await waitFor('the event to be dead-lettered', async () => (await h!.deadLettered()) === 1);
    expect(await listDeadLetters({ brokers, groupId })).toMatchObject([
      { envelope: { eventId: event.eventId }, error: { code: 'HANDLER_FAILED', message: 'downstream unavailable' }, attempts: 2, redriven: false },
    ]);

    broken = false;
    const redriven = await redriveDeadLetters({ brokers, groupId });

    expect(redriven.map((e) => e.envelope?.eventId)).toEqual([event.eventId]);
    await waitFor('the redriven event to be applied', async () => (await h!.counter(event.payload.counterId)) === 1);
    await waitFor('both deliveries to be committed', async () => (await h!.committed()) === 2);
    expect(await redriveDeadLetters({ brokers, groupId })).toEqual([]);
    expect(await h.produced()).toBe(2);
    expect(h.calls(event.eventId)).toBe(3);
    expect(await listDeadLetters({ brokers, groupId })).toMatchObject([{ envelope: { eventId: event.eventId }, redriven: true }]);
  });
});
