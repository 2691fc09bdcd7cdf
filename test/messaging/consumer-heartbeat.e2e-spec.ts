import type { Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineEvent, EventRegistry, TOPICS } from '@app/events';
import { waitFor } from '../support/wait-for';
import { bump, ConsumerHarness, envelope } from './consumer-harness';

const SlowWorkRequested = defineEvent({ type: 'SlowWorkRequested', version: 1, topic: TOPICS.orders, aggregate: 'counter', schema: z.object({ counterId: z.string() }) });
const registry = new EventRegistry([SlowWorkRequested]);

const SESSION_TIMEOUT_MS = 6000;
const HANDLER_MS = 10000;

describe('a consumer with a slow handler', () => {
  let h: ConsumerHarness | undefined;
  afterEach(async () => {
    await h?.close();
  });

  it('stays in its group while a handler runs longer than the session timeout', async () => {
    h = await new ConsumerHarness({
      registry,
      server: { sessionTimeout: SESSION_TIMEOUT_MS, heartbeatInterval: 1000 },
      behaviour: async (event, em) => {
        // The slow work under test, not a wait for a condition.
        await new Promise((resolve) => setTimeout(resolve, HANDLER_MS));
        await bump(em, event.payload.counterId);
      },
    }).start();
    const [, consumer] = h.server.unwrap<[unknown, Consumer]>();
    const seen: string[] = [];
    let heartbeats = 0;
    for (const name of ['GROUP_JOIN', 'REBALANCING', 'CRASH', 'STOP'] as const) consumer.on(consumer.events[name], () => seen.push(name));
    consumer.on(consumer.events.HEARTBEAT, () => heartbeats++);
    const [member] = await h.memberIds();

    const event = envelope('SlowWorkRequested', { counterId: `slow-${randomUUID()}` });
    await h.produce(event);
    await waitFor('the slow event to be applied', async () => (await h!.counter(event.payload.counterId)) === 1, { timeoutMs: 4 * HANDLER_MS });
    await waitFor('its offset to be committed', async () => (await h!.committed()) === 1);

    expect(h.calls(event.eventId)).toBe(1);
    expect(seen).toEqual([]);
    expect(heartbeats).toBeGreaterThanOrEqual(HANDLER_MS / SESSION_TIMEOUT_MS + 1);
    expect(await h.memberIds()).toEqual([member]);
  });
});
