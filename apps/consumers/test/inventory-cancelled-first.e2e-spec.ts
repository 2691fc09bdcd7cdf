import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { deadLetterTopic, TOPICS, type EventEnvelope } from '@app/events';
import { encodeEnvelope, PRODUCER_CONFIG } from '@app/messaging';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { AppModule } from '../src/app.module';
import { startConsumers } from '../src/consumers';
import { AddProductCommand } from '../src/inventory/commands/add-product/add-product.command';
import { parseAddProductInput } from '../src/inventory/commands/add-product/add-product.input';
import { INVENTORY } from '../src/inventory/inventory.consumer';
import { orderCancelled, orderCreated } from './support/order-events.fixture';

assertTestDatabase();

const config = loadConfig();
const run = randomUUID().slice(0, 8);
const groupIdPrefix = `e2e-${run}.`;
const group = `${groupIdPrefix}${INVENTORY.groupId}`;

/**
 * An order whose OrderCreated inventory dead-lettered is cancelled (FULFILMENT_TIMEOUT) before
 * the OrderCreated is redriven. A redrive re-produces to orders.events with the original key, so
 * the handlers see exactly what this sends: the OrderCancelled, then the same OrderCreated.
 */
describe('the inventory when an order is cancelled before its OrderCreated is applied', () => {
  let app: INestApplication;
  let db: DataSource;
  let producer: Producer;
  let admin: Admin;

  const produce = async (envelope: EventEnvelope): Promise<void> => {
    await producer.send({ topic: TOPICS.orders, acks: -1, messages: [encodeEnvelope(envelope)] });
  };
  const processed = async (eventId: string) =>
    (await db.query(`SELECT 1 FROM inventory.processed_events WHERE consumer = $1 AND event_id = $2`, [INVENTORY.name, eventId])).length === 1;
  const applied = (what: string, envelope: EventEnvelope) => waitFor(`${what} to be processed`, () => processed(envelope.eventId));
  const reservation = async (orderId: string) =>
    (await db.query(`SELECT status, lines, total_cents AS "totalCents" FROM inventory.reservations WHERE order_id = $1`, [orderId]))[0];
  const stock = async (sku: string) => (await db.query(`SELECT on_hand AS "onHand", reserved FROM inventory.products WHERE sku = $1`, [sku]))[0];
  const view = async (sku: string) => (await db.query(`SELECT available, reserved FROM read_model.product_view WHERE sku = $1`, [sku]))[0];
  const reservationEvents = (orderId: string) => db.query(`SELECT event_type FROM inventory.events WHERE stream_id = $1 ORDER BY stream_version`, [`reservation-${orderId}`]);
  const newProduct = async (initialStock: number): Promise<string> => {
    const sku = `e2e-${run}-${randomUUID().slice(0, 8)}`;
    const input = parseAddProductInput({ sku, name: `Product ${sku}`, priceCents: 250, initialStock });
    await app.get(CommandBus).execute(new AddProductCommand(input, { commandId: randomUUID(), correlationId: randomUUID() }, randomUUID()));
    return sku;
  };

  beforeAll(async () => {
    const kafka = new Kafka({ clientId: `inventory-cancelled-first-e2e-${run}`, brokers: config.kafka.brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer(PRODUCER_CONFIG);
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    // Start at the end: earlier runs' made-up orders are none of this test's business. Topics made
    // just now may not have their leaders yet, so the ends are asked until they come.
    const ends = await waitFor(`the ends of ${TOPICS.orders}`, () => admin.fetchTopicOffsets(TOPICS.orders));
    await admin.setOffsets({ groupId: group, topic: TOPICS.orders, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });

    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await startConsumers(app, { groupIdPrefix, only: [INVENTORY], server: { maxWaitTimeInMs: 500 } });
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    if (admin) {
      await admin.deleteGroups([group]).catch(() => undefined);
      await admin.deleteTopics({ topics: [deadLetterTopic(group)] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('records the order RELEASED with nothing held, and reserves nothing for its late OrderCreated', async () => {
    const sku = await newProduct(5);
    const created = orderCreated([{ sku, quantity: 2 }]);
    const { orderId } = created.payload;
    const cancelled = orderCancelled(created, 'FULFILMENT_TIMEOUT');

    await produce(cancelled);
    await applied('the OrderCancelled', cancelled);
    expect(await reservation(orderId)).toEqual({ status: 'RELEASED', lines: [], totalCents: null });
    expect(await reservationEvents(orderId)).toEqual([]);

    await produce(created);
    await applied('the late OrderCreated', created);
    expect(await reservation(orderId)).toEqual({ status: 'RELEASED', lines: [], totalCents: null });
    expect(await stock(sku)).toEqual({ onHand: 5, reserved: 0 });
    expect(await view(sku)).toEqual({ available: 5, reserved: 0 });
    expect(await reservationEvents(orderId)).toEqual([]);

    // The cancellation delivered again (another event id) finds the row and changes nothing.
    const again = { ...cancelled, eventId: randomUUID() };
    await produce(again);
    await applied('the repeated OrderCancelled', again);
    expect(await reservation(orderId)).toEqual({ status: 'RELEASED', lines: [], totalCents: null });
    expect(await reservationEvents(orderId)).toEqual([]);
  });

  it('still reserves, then releases, an order whose OrderCreated came first', async () => {
    const sku = await newProduct(5);
    const created = orderCreated([{ sku, quantity: 2 }]);
    const { orderId } = created.payload;
    await produce(created);
    await waitFor('the reservation', async () => (await reservation(orderId))?.status === 'RESERVED');
    expect(await stock(sku)).toEqual({ onHand: 5, reserved: 2 });

    await produce(orderCancelled(created, 'FULFILMENT_TIMEOUT'));
    await waitFor('the release', async () => (await reservation(orderId))?.status === 'RELEASED');
    expect(await stock(sku)).toEqual({ onHand: 5, reserved: 0 });
    expect((await reservationEvents(orderId)).map((e: { event_type: string }) => e.event_type)).toEqual(['InventoryReserved', 'InventoryReleased']);
  });
});
