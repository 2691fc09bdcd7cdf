import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { z } from 'zod';
import { defineEvent, EventRegistry, redriveTopic, TOPICS } from '@app/events';
import { H, listDeadLetters, settleDeadLetters } from '@app/messaging';
import { waitFor } from '../support/wait-for';
import { brokers, bump, ConsumerHarness, envelope } from './consumer-harness';

// v1 is what the event failed with; by the redrive the contract is at v2 (and the handler too).
const StockReservedV1 = defineEvent({ type: 'StockReserved', version: 1, topic: TOPICS.inventory, aggregate: 'counter', schema: z.object({ counterId: z.string() }) });
const StockReserved = defineEvent({ type: 'StockReserved', version: 2, topic: TOPICS.inventory, aggregate: 'counter', schema: z.object({ counterId: z.string(), units: z.number() }) });
const registry = new EventRegistry([StockReservedV1, StockReserved], [{ type: 'StockReserved', fromVersion: 1, upcast: (p: { counterId: string }) => ({ ...p, units: 1 }) }]);

/** Every message of a topic (one partition here), read by a throwaway group. */
const readTopic = async (topic: string, count: number) => {
  const consumer = new Kafka({ clientId: 'redrive-reader', brokers, logLevel: logLevel.NOTHING }).consumer({ groupId: `redrive-reader-${randomUUID()}` });
  const seen: { headers: Record<string, string>; value: string }[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void seen.push({ value: message.value!.toString(), headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])) }) });
  await waitFor(`${count} message(s) on ${topic}`, async () => seen.length >= count);
  await consumer.disconnect();
  return seen;
};

describe('dead-letter redrive and discard (the owning app\'s side, settleDeadLetters)', () => {
  let h: ConsumerHarness | undefined;
  afterEach(async () => {
    await h?.close();
  });

  it('redrives an entry to its group alone, upcast, applied once; the audit log records it; a resend of the command redrives nothing again', async () => {
    let broken = true;
    h = await new ConsumerHarness({
      registry,
      retry: { attempts: 2, baseDelayMs: 20, maxDelayMs: 100 },
      behaviour: async (event, em) => {
        if (broken) throw new Error('downstream unavailable');
        await bump(em, (event.payload as { counterId: string }).counterId);
      },
    }).start();
    const groupId = h.consumer.groupId;
    const event = { ...envelope('StockReserved', { counterId: `redriven-${randomUUID()}` }), schemaVersion: 1 };
    await h.produce(event);
    await waitFor('the event to be dead-lettered', async () => (await h!.deadLettered()) === 1);
    const [entry] = await listDeadLetters({ brokers, groupId });
    expect(entry).toMatchObject({ envelope: { eventId: event.eventId }, error: { code: 'HANDLER_FAILED', message: 'downstream unavailable' }, attempts: 2 });
    expect(entry.settled).toBeUndefined();

    broken = false;
    const command = { groupId, ids: [entry.id, '0:999'], action: 'REDRIVE' as const, actor: 'admin-1', commandId: randomUUID() };
    expect(await settleDeadLetters({ brokers }, registry, command)).toBe(1);

    await waitFor('the redriven event to be applied', async () => (await h!.counter(event.payload.counterId)) === 1);
    const [redriven] = await readTopic(redriveTopic(groupId), 1);
    expect(redriven.headers).toMatchObject({ [H.eventId]: event.eventId, [H.schemaVersion]: '2', 'redrive-source-topic': h.topic });
    expect(JSON.parse(redriven.value)).toEqual({ counterId: event.payload.counterId, units: 1 });
    expect(Object.keys(redriven.headers).filter((name) => name.startsWith('dlq-'))).toEqual([]);

    // The same command again (its reply was lost): its first outcome, no second redrive.
    expect(await settleDeadLetters({ brokers }, registry, command)).toBe(1);
    expect(await settleDeadLetters({ brokers }, registry, { ...command, commandId: randomUUID() })).toBe(0);
    expect(await h.produced(redriveTopic(groupId))).toBe(1);
    expect(h.calls(event.eventId)).toBe(3);
    expect((await listDeadLetters({ brokers, groupId }))[0].settled).toMatchObject({ action: 'REDRIVE', ids: [entry.id], actor: 'admin-1', commandId: command.commandId });
  });

  it('discards an entry with its reason: nothing redriven, the entry settled in the audit log', async () => {
    h = await new ConsumerHarness({
      registry,
      retry: { attempts: 1, baseDelayMs: 20, maxDelayMs: 100 },
      behaviour: async () => {
        throw new Error('never works');
      },
    }).start();
    const groupId = h.consumer.groupId;
    await h.produce(envelope('StockReserved', { counterId: `discarded-${randomUUID()}`, units: 2 }));
    await waitFor('the event to be dead-lettered', async () => (await h!.deadLettered()) === 1);
    const [entry] = await listDeadLetters({ brokers, groupId });

    expect(await settleDeadLetters({ brokers }, registry, { groupId, ids: [entry.id], action: 'DISCARD', reason: 'test data', actor: 'admin-1', commandId: randomUUID() })).toBe(1);
    expect((await listDeadLetters({ brokers, groupId }))[0].settled).toMatchObject({ action: 'DISCARD', reason: 'test data' });
    expect(await h.produced(redriveTopic(groupId))).toBe(0);
  });
});
