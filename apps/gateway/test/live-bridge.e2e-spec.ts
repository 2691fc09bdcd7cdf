import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { APP_CONFIG, loadConfig, namespaced } from '@app/config';
import type { EventEnvelope } from '@app/events';
import { createProducer, encodeEnvelope, ensureTopics } from '@app/messaging';
import { waitFor } from '../../../test/support/wait-for';
import { LiveEvents } from '../src/live/live-events';
import { LIVE_TOPICS, LiveEventsBridge } from '../src/live/live-events.bridge';

const config = loadConfig();
// A topic of this suite's own, with real order contracts on it: fake events on orders.events
// would reach every consumer group of the project (inventory, projections, analytics...).
const TOPIC = `live-bridge-${randomUUID().slice(0, 8)}.test`;

interface Instance {
  moduleRef: TestingModule;
  groupId: string;
  received: EventEnvelope[];
}

/** One gateway instance's live updates: its bridge and hub, and everything the hub publishes. */
const startInstance = async (): Promise<Instance> => {
  const moduleRef = await Test.createTestingModule({
    providers: [LiveEvents, LiveEventsBridge, { provide: APP_CONFIG, useValue: config }, { provide: LIVE_TOPICS, useValue: [TOPIC] }],
  }).compile();
  await moduleRef.init();
  const bridge = moduleRef.get(LiveEventsBridge);
  await bridge.ready();
  const received: EventEnvelope[] = [];
  void (async () => {
    for await (const envelope of moduleRef.get(LiveEvents).feed(() => true)) received.push(envelope);
  })();
  return { moduleRef, groupId: bridge.groupId, received };
};

const orderEvent = (orderId: string, type: string, streamVersion: number, payload: object): EventEnvelope => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  streamId: `order-${orderId}`,
  aggregateId: orderId,
  streamVersion,
  position: String(streamVersion),
  occurredAt: new Date().toISOString(),
  payload: { orderId, ...payload },
  metadata: { correlationId: randomUUID(), causationId: null, userId: null },
});

describe('the live-updates bridge (Kafka -> in-process PubSub)', () => {
  const kafka = new Kafka({ clientId: `live-bridge-test-${randomUUID().slice(0, 8)}`, brokers: config.kafka.brokers, logLevel: logLevel.NOTHING });
  let producer: Producer;
  let instances: Instance[] = [];

  beforeAll(async () => {
    await ensureTopics(config.kafka, [{ topic: TOPIC, numPartitions: 3 }]);
    producer = createProducer(kafka);
    await producer.connect();
    instances = await Promise.all([startInstance(), startInstance()]);
  });

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.moduleRef.close()));
    await producer?.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('hands every valid event to every gateway instance, validated and in stream order, and skips what it cannot decode', async () => {
    const orderId = randomUUID();
    const events = [
      orderEvent(orderId, 'OrderCreated', 1, { userId: randomUUID(), lines: [{ sku: 'SKU-1', quantity: 2 }] }),
      orderEvent(orderId, 'OrderAwaitingPayment', 2, { lines: [{ sku: 'SKU-1', quantity: 2, unitPriceCents: 250 }], totalCents: 500 }),
      orderEvent(orderId, 'OrderConfirmed', 3, { paymentId: randomUUID(), totalCents: 500 }),
    ];
    const invalidPayload = encodeEnvelope(orderEvent(orderId, 'OrderCancelled', 4, { reason: 'NO_SUCH_REASON' }));
    const unknownType = encodeEnvelope(orderEvent(orderId, 'OrderTeleported', 4, {}));
    const noHeaders = { key: orderId, value: '{}' };

    await producer.send({ topic: TOPIC, messages: [encodeEnvelope(events[0]), noHeaders, invalidPayload, encodeEnvelope(events[1]), unknownType, encodeEnvelope(events[2])] });

    for (const { received } of instances) {
      const mine = await waitFor('the three valid events', () => {
        const ofOrder = received.filter((e) => e.aggregateId === orderId);
        return ofOrder.length >= 3 && ofOrder;
      });
      expect(mine.map((e) => [e.type, e.streamVersion])).toEqual([
        ['OrderCreated', 1],
        ['OrderAwaitingPayment', 2],
        ['OrderConfirmed', 3],
      ]);
      expect(mine).toEqual(events);
    }
  });

  it('gives each instance a consumer group of its own, and deletes it on shutdown', async () => {
    const [first, second] = instances.map((i) => i.groupId);
    expect(first.startsWith(namespaced('gateway-live-'))).toBe(true);
    expect(second).not.toBe(first);

    const admin = kafka.admin();
    await admin.connect();
    try {
      const [closing] = instances.splice(0, 1);
      await closing.moduleRef.close();
      const { groups } = await admin.listGroups();
      expect(groups.map((g) => g.groupId)).not.toContain(first);
      expect(groups.map((g) => g.groupId)).toContain(second);
    } finally {
      await admin.disconnect();
    }
  });
});
