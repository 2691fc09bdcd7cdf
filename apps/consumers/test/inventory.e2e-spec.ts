import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ClientKafka } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { lastValueFrom, timeout } from 'rxjs';
import { DataSource } from 'typeorm';
import { COMMANDS, type CommandMessage, type CommandPattern, type CommandRejected, type CommandReply, type CommandResult, startCommandServer } from '@app/commands';
import { loadConfig } from '@app/config';
import { deadLetterTopic, TOPICS, type EventEnvelope } from '@app/events';
import { encodeEnvelope, PRODUCER_CONFIG } from '@app/messaging';
import { signedAs } from '../../../test/support/command-security';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { AppModule } from '../src/app.module';
import { connectConsumers } from '../src/consumers';
import { AddProductCommand } from '../src/inventory/commands/add-product/add-product.command';
import { parseAddProductInput } from '../src/inventory/commands/add-product/add-product.input';
import { INVENTORY } from '../src/inventory/inventory.consumer';
import { orderCancelled, orderConfirmed, orderCreated } from './support/order-events.fixture';

assertTestDatabase();

const config = loadConfig();
const run = randomUUID().slice(0, 8);
const groupIdPrefix = `e2e-${run}.`;
// Groups of this run only: a consumers app running elsewhere on this broker must not take our commands or events.
const commandServer = { clientId: `inventory-e2e-${run}`, groupId: `inventory-commands-e2e-${run}` };
const clientGroup = `inventory-e2e-client-${run}`;
const ADMIN = { userId: randomUUID(), role: 'ADMIN' as const };
const CUSTOMER = { userId: randomUUID(), role: 'CUSTOMER' as const };

type Issuer = CommandMessage['issuedBy'];
type Reply = CommandReply<CommandResult>;

describe('the inventory (consumers app): product commands and reservations', () => {
  let app: INestApplication;
  let db: DataSource;
  let client: ClientKafka;
  let producer: Producer;
  let admin: Admin;
  let skuCount = 0;

  /** Sends `value` as it is, signed or not: what anyone who can write to the broker could send. */
  const sendRaw = (pattern: string, key: string, value: unknown, timeoutMs = 20000): Promise<Reply> => lastValueFrom(client.send<Reply>(pattern, { key, value }).pipe(timeout(timeoutMs)));
  /** As the gateway sends a command: signed with its key. */
  const send = (pattern: CommandPattern, data: unknown, issuedBy: Issuer, commandId: string = randomUUID(), timeoutMs = 20000): Promise<Reply> =>
    sendRaw(pattern, commandId, signedAs('gateway', pattern, { commandId, correlationId: `corr-${commandId}`, issuedBy, data }), timeoutMs);
  const addProduct = (data: unknown, issuedBy: Issuer = ADMIN, commandId?: string) => send(COMMANDS.addProduct, data, issuedBy, commandId);
  const restock = (data: unknown, issuedBy: Issuer = ADMIN, commandId?: string, timeoutMs?: number) => send(COMMANDS.restockProduct, data, issuedBy, commandId, timeoutMs);

  /** A sku no other test or run uses. */
  const freshSku = () => `e2e-${run}-${++skuCount}`;
  const newProduct = async (initialStock: number, priceCents = 250): Promise<string> => {
    const sku = freshSku();
    const reply = await addProduct({ sku, name: `Product ${sku}`, priceCents, initialStock });
    if (!reply.ok) throw new Error(`addProduct failed: ${JSON.stringify(reply)}`);
    return sku;
  };

  /** Sends to the real orders.events (shared: every query below filters by this test's ids). */
  const produce = async (envelopes: EventEnvelope[], partition?: number): Promise<number> => {
    const [meta] = await producer.send({ topic: TOPICS.orders, acks: -1, messages: envelopes.map((e) => ({ ...encodeEnvelope(e), partition })) });
    return meta.partition;
  };

  const view = async (sku: string) =>
    (await db.query(`SELECT sku, name, price_cents AS "priceCents", available, reserved, version FROM read_model.product_view WHERE sku = $1`, [sku]))[0];
  const stock = async (sku: string) => (await db.query(`SELECT on_hand AS "onHand", reserved FROM inventory.products WHERE sku = $1`, [sku]))[0];
  const reservation = async (orderId: string) =>
    (await db.query(`SELECT status, lines, total_cents AS "totalCents" FROM inventory.reservations WHERE order_id = $1`, [orderId]))[0];
  const events = (streamId: string) =>
    db.query(`SELECT event_type AS type, stream_version AS version, payload, metadata FROM inventory.events WHERE stream_id = $1 ORDER BY stream_version`, [streamId]);
  const processed = async (eventId: string) =>
    (await db.query(`SELECT 1 FROM inventory.processed_events WHERE consumer = $1 AND event_id = $2`, [INVENTORY.name, eventId])).length === 1;
  const statusOf = (orderId: string, status: string) => waitFor(`reservation ${orderId} ${status}`, async () => (await reservation(orderId))?.status === status);

  beforeAll(async () => {
    const kafka = new Kafka({ clientId: `inventory-e2e-${run}`, brokers: config.kafka.brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer(PRODUCER_CONFIG);
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);

    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    // Only the consumer under test. Several partitions at once, so that reservations really run
    // concurrently; a short fetch wait only so that closing does not wait out kafkajs' long poll.
    await connectConsumers(app, { groupIdPrefix, only: [INVENTORY], server: { maxWaitTimeInMs: 500, partitionsConsumedConcurrently: 6 } });
    await startCommandServer(app, commandServer);
    await app.listen(0, '127.0.0.1');
    db = app.get(DataSource);

    client = new ClientKafka({
      client: { clientId: clientGroup, brokers: config.kafka.brokers, logLevel: logLevel.WARN },
      consumer: { groupId: clientGroup },
      postfixId: '',
    });
    client.subscribeToResponseOf(COMMANDS.addProduct);
    client.subscribeToResponseOf(COMMANDS.restockProduct);
    await client.connect();
    // New groups start at the latest offset once they have joined; until then a request is lost
    // or refused, so ask until one is answered.
    await waitFor(
      'the command server to answer',
      () => restock({ sku: `probe-${run}`, quantity: 1 }, ADMIN, randomUUID(), 3000).then(() => true, () => false),
      { timeoutMs: 90000, intervalMs: 100 },
    );
  });

  afterAll(async () => {
    await client?.close();
    await app?.close();
    await producer?.disconnect();
    if (admin) {
      const group = `${groupIdPrefix}${INVENTORY.groupId}`;
      await admin.deleteGroups([group, commandServer.groupId, clientGroup]).catch(() => undefined);
      await admin.deleteTopics({ topics: [deadLetterTopic(group)] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  describe('addProduct and restockProduct', () => {
    const sku = `e2e-${run}-added`;
    const commandId = randomUUID();
    let first: Reply;

    it('adds a product for an admin: the ProductView shows it and ProductAdded opens its stream', async () => {
      first = await addProduct({ sku, name: ' Blue mug ', priceCents: 1299, initialStock: 7 }, ADMIN, commandId);

      expect(first).toEqual({ ok: true, result: { aggregateId: sku, version: 1, position: expect.stringMatching(/^\d+$/) } });
      expect(await view(sku)).toEqual({ sku, name: 'Blue mug', priceCents: 1299, available: 7, reserved: 0, version: 1 });
      expect(await events(`product-${sku}`)).toEqual([
        {
          type: 'ProductAdded',
          version: 1,
          payload: { sku, name: 'Blue mug', priceCents: 1299, initialStock: 7 },
          metadata: { correlationId: `corr-${commandId}`, causationId: commandId, userId: ADMIN.userId },
        },
      ]);
    });

    it('answers a retried addProduct (same commandId) with the first result and appends nothing', async () => {
      expect(await addProduct({ sku, name: 'Blue mug', priceCents: 1299, initialStock: 7 }, ADMIN, commandId)).toEqual(first);
      expect(await events(`product-${sku}`)).toHaveLength(1);
    });

    it('refuses another addProduct of the same sku as a CONFLICT on sku', async () => {
      const reply = await addProduct({ sku, name: 'Other mug', priceCents: 1, initialStock: 1 });

      expect(reply).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.any(String), field: 'sku' } });
      expect(await view(sku)).toMatchObject({ name: 'Blue mug', available: 7 });
    });

    it('adds a sku once when adds race: another command gets a CONFLICT, another attempt of the same command the same result', async () => {
      const bus = app.get(CommandBus);
      const input = parseAddProductInput({ sku: freshSku(), name: 'Raced', priceCents: 1, initialStock: 1 });
      const meta = { commandId: randomUUID(), correlationId: randomUUID() };
      const add = (m: typeof meta) => bus.execute(new AddProductCommand(input, m, ADMIN.userId)).then((result) => ({ ok: true, result }), (err: CommandRejected) => ({ ok: false, code: err.code }));

      const [a, b, c] = await Promise.all([add(meta), add(meta), add({ commandId: randomUUID(), correlationId: randomUUID() })]);

      expect(b).toEqual(a);
      expect([a, c].map((r) => r.ok).sort()).toEqual([false, true]);
      expect(a.ok ? c : a).toEqual({ ok: false, code: 'CONFLICT' });
      expect(await events(`product-${input.sku}`)).toHaveLength(1);
    });

    it('refuses a customer with FORBIDDEN and an anonymous caller with UNAUTHENTICATED, and stores nothing', async () => {
      const other = freshSku();
      const data = { sku: other, name: 'Nope', priceCents: 1, initialStock: 1 };

      expect(await addProduct(data, CUSTOMER)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
      expect(await addProduct(data, null)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
      expect(await restock({ sku, quantity: 1 }, CUSTOMER)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
      expect(await view(other)).toBeUndefined();
      expect(await events(`product-${other}`)).toEqual([]);
    });

    describe('commands forged on the broker', () => {
      const forgedData = () => ({ sku: freshSku(), name: 'Forged', priceCents: 1, initialStock: 1000 });
      const unchanged = async (data: { sku: string }) => {
        expect(await view(data.sku)).toBeUndefined();
        expect(await events(`product-${data.sku}`)).toEqual([]);
      };

      it('refuses an unsigned addProduct claiming role ADMIN as UNAUTHENTICATED, and stores nothing', async () => {
        const data = forgedData();
        const commandId = randomUUID();
        const reply = await sendRaw(COMMANDS.addProduct, commandId, { commandId, correlationId: commandId, issuedBy: ADMIN, data });

        expect(reply).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'the command is not signed', field: 'auth' } });
        await unchanged(data);
      });

      it('refuses a customer command signed by the gateway whose role was raised to ADMIN on the way', async () => {
        const data = forgedData();
        const signed = signedAs('gateway', COMMANDS.addProduct, { commandId: randomUUID(), correlationId: 'c', issuedBy: CUSTOMER, data });
        const reply = await sendRaw(COMMANDS.addProduct, signed.commandId, { ...signed, issuedBy: { ...CUSTOMER, role: 'ADMIN' } });

        expect(reply).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'the signature does not match the command', field: 'auth' } });
        await unchanged(data);
      });

      it('refuses an addProduct signed by the order service, which may not manage products, as FORBIDDEN', async () => {
        const data = forgedData();
        const signed = signedAs('order', COMMANDS.addProduct, { commandId: randomUUID(), correlationId: 'c', issuedBy: ADMIN, data });

        expect(await sendRaw(COMMANDS.addProduct, signed.commandId, signed)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('order may not send'), field: 'auth' } });
        await unchanged(data);
      });

      it('answers a replayed signed addProduct with the first outcome and appends nothing more', async () => {
        const data = forgedData();
        const signed = signedAs('gateway', COMMANDS.addProduct, { commandId: randomUUID(), correlationId: 'c', issuedBy: ADMIN, data });
        const first = await sendRaw(COMMANDS.addProduct, signed.commandId, signed);

        expect(first).toMatchObject({ ok: true });
        expect(await sendRaw(COMMANDS.addProduct, signed.commandId, signed)).toEqual(first);
        expect(await events(`product-${data.sku}`)).toHaveLength(1);
      });
    });

    it.each([
      ['sku', { sku: 'has space', name: 'Mug', priceCents: 1, initialStock: 1 }],
      ['name', { sku: 'fine-sku', name: '', priceCents: 1, initialStock: 1 }],
      ['priceCents', { sku: 'fine-sku', name: 'Mug', priceCents: 1.5, initialStock: 1 }],
      ['initialStock', { sku: 'fine-sku', name: 'Mug', priceCents: 1, initialStock: -1 }],
    ])('refuses a bad %s as BAD_USER_INPUT naming it', async (field, data) => {
      expect(await addProduct(data)).toEqual({ ok: false, error: { code: 'BAD_USER_INPUT', message: expect.any(String), field } });
    });

    it('refuses a restock of 0 units as BAD_USER_INPUT on quantity, and of an unknown sku as NOT_FOUND', async () => {
      expect(await restock({ sku, quantity: 0 })).toEqual({ ok: false, error: { code: 'BAD_USER_INPUT', message: expect.any(String), field: 'quantity' } });
      expect(await restock({ sku: freshSku(), quantity: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('restocks: available grows, StockAdjusted RESTOCK is appended, and a retry adds nothing', async () => {
      const restockId = randomUUID();
      const reply = await restock({ sku, quantity: 5 }, ADMIN, restockId);

      expect(reply).toEqual({ ok: true, result: { aggregateId: sku, version: 2, position: expect.stringMatching(/^\d+$/) } });
      expect(await view(sku)).toMatchObject({ available: 12, reserved: 0, version: 2 });
      const [, adjusted] = await events(`product-${sku}`);
      expect(adjusted).toEqual({
        type: 'StockAdjusted',
        version: 2,
        payload: { sku, delta: 5, reason: 'RESTOCK', available: 12 },
        metadata: { correlationId: `corr-${restockId}`, causationId: restockId, userId: ADMIN.userId },
      });

      expect(await restock({ sku, quantity: 5 }, ADMIN, restockId)).toEqual(reply);
      expect(await view(sku)).toMatchObject({ available: 12, version: 2 });
      expect(await events(`product-${sku}`)).toHaveLength(2);
    });
  });

  describe('reacting to orders', () => {
    it('reserves every line of an OrderCreated at the current prices, and records InventoryReserved with the total', async () => {
      const [mug, pot] = [await newProduct(10, 250), await newProduct(5, 1000)];
      const created = orderCreated([
        { sku: mug, quantity: 2 },
        { sku: pot, quantity: 1 },
        { sku: mug, quantity: 1 },
      ]);
      const { orderId, userId } = created.payload;

      await produce([created]);

      await statusOf(orderId, 'RESERVED');
      const lines = [
        { sku: mug, quantity: 2, unitPriceCents: 250 },
        { sku: pot, quantity: 1, unitPriceCents: 1000 },
        { sku: mug, quantity: 1, unitPriceCents: 250 },
      ];
      expect(await reservation(orderId)).toEqual({ status: 'RESERVED', lines, totalCents: 1750 });
      expect(await view(mug)).toMatchObject({ available: 7, reserved: 3 });
      expect(await view(pot)).toMatchObject({ available: 4, reserved: 1 });
      expect(await events(`reservation-${orderId}`)).toEqual([
        {
          type: 'InventoryReserved',
          version: 1,
          payload: { orderId, lines, totalCents: 1750 },
          metadata: { correlationId: created.metadata.correlationId, causationId: created.eventId, userId },
        },
      ]);
    });

    it('reserves nothing when a line asks for more than is available (OUT_OF_STOCK), and a later OrderCancelled gives nothing back', async () => {
      const [mug, pot] = [await newProduct(10), await newProduct(2)];
      const created = orderCreated([
        { sku: mug, quantity: 1 },
        { sku: pot, quantity: 3 },
      ]);
      const { orderId } = created.payload;

      await produce([created]);

      await statusOf(orderId, 'FAILED');
      expect((await events(`reservation-${orderId}`)).map((e: { type: string; payload: unknown }) => [e.type, e.payload])).toEqual([
        ['InventoryReservationFailed', { orderId, reason: 'OUT_OF_STOCK', lines: [{ sku: pot, requested: 3, available: 2 }] }],
      ]);
      expect(await stock(mug)).toEqual({ onHand: 10, reserved: 0 });
      expect(await stock(pot)).toEqual({ onHand: 2, reserved: 0 });

      const cancelled = orderCancelled(created, 'OUT_OF_STOCK');
      await produce([cancelled]);
      await waitFor('the OrderCancelled to be processed', () => processed(cancelled.eventId));
      expect(await reservation(orderId)).toMatchObject({ status: 'FAILED' });
      expect(await events(`reservation-${orderId}`)).toHaveLength(1);
      expect(await view(pot)).toMatchObject({ available: 2, reserved: 0 });
    });

    it('reserves nothing when a sku is unknown (UNKNOWN_SKU), listing it with nothing available', async () => {
      const mug = await newProduct(10);
      const unknown = freshSku();
      const created = orderCreated([
        { sku: mug, quantity: 1 },
        { sku: unknown, quantity: 4 },
      ]);
      const { orderId } = created.payload;

      await produce([created]);

      await statusOf(orderId, 'FAILED');
      const [failed] = await events(`reservation-${orderId}`);
      expect(failed).toMatchObject({ type: 'InventoryReservationFailed', payload: { orderId, reason: 'UNKNOWN_SKU', lines: [{ sku: unknown, requested: 4, available: 0 }] } });
      expect(await view(mug)).toMatchObject({ available: 10, reserved: 0 });
    });

    it('never oversells: of 20 concurrent one-unit orders for 10 units, exactly 10 are reserved and 10 fail', async () => {
      const sku = await newProduct(10);
      const orders = Array.from({ length: 20 }, () => orderCreated([{ sku, quantity: 1 }]));
      const seenAvailable: number[] = [];

      // One batch, keyed by order id: spread over the topic's partitions, consumed in parallel.
      await produce(orders);

      const decided = await waitFor('all 20 orders decided', async () => {
        seenAvailable.push((await view(sku)).available);
        const rows = await db.query(`SELECT status FROM inventory.reservations WHERE order_id = ANY($1::uuid[])`, [orders.map((o) => o.payload.orderId)]);
        return rows.length === 20 && rows.map((r: { status: string }) => r.status);
      });
      expect(decided.filter((s: string) => s === 'RESERVED')).toHaveLength(10);
      expect(decided.filter((s: string) => s === 'FAILED')).toHaveLength(10);
      expect(await stock(sku)).toEqual({ onHand: 10, reserved: 10 });
      expect(await view(sku)).toMatchObject({ available: 0, reserved: 10 });
      expect(Math.min(...seenAvailable)).toBeGreaterThanOrEqual(0);
      const types = await db.query(`SELECT event_type AS type, count(*)::int AS n FROM inventory.events WHERE stream_id = ANY($1::text[]) GROUP BY event_type ORDER BY event_type`, [
        orders.map((o) => `reservation-${o.payload.orderId}`),
      ]);
      expect(types).toEqual([
        { type: 'InventoryReservationFailed', n: 10 },
        { type: 'InventoryReserved', n: 10 },
      ]);
    });

    it('releases a reservation when the order is cancelled (InventoryReleased with the reason)', async () => {
      const sku = await newProduct(5);
      const created = orderCreated([{ sku, quantity: 2 }]);
      const { orderId } = created.payload;
      const partition = await produce([created]);
      await statusOf(orderId, 'RESERVED');
      expect(await view(sku)).toMatchObject({ available: 3, reserved: 2 });

      const cancelled = orderCancelled(created, 'PAYMENT_FAILED');
      await produce([cancelled], partition);

      await statusOf(orderId, 'RELEASED');
      expect(await view(sku)).toMatchObject({ available: 5, reserved: 0 });
      expect(await stock(sku)).toEqual({ onHand: 5, reserved: 0 });
      const [, released] = await events(`reservation-${orderId}`);
      expect(released).toEqual({
        type: 'InventoryReleased',
        version: 2,
        payload: { orderId, lines: [{ sku, quantity: 2 }], reason: 'PAYMENT_FAILED' },
        metadata: { correlationId: created.metadata.correlationId, causationId: cancelled.eventId, userId: created.payload.userId },
      });
    });

    it('commits a reservation when the order is confirmed: the units leave on hand, and a later cancel changes nothing', async () => {
      const sku = await newProduct(5, 300);
      const created = orderCreated([{ sku, quantity: 2 }]);
      const { orderId } = created.payload;
      const partition = await produce([created]);
      await statusOf(orderId, 'RESERVED');

      await produce([orderConfirmed(created, 600)], partition);

      await statusOf(orderId, 'COMMITTED');
      expect(await stock(sku)).toEqual({ onHand: 3, reserved: 0 });
      expect(await view(sku)).toMatchObject({ available: 3, reserved: 0 });
      expect((await events(`reservation-${orderId}`)).map((e: { type: string; payload: unknown }) => [e.type, e.payload])).toEqual([
        ['InventoryReserved', { orderId, lines: [{ sku, quantity: 2, unitPriceCents: 300 }], totalCents: 600 }],
        ['InventoryCommitted', { orderId, lines: [{ sku, quantity: 2 }] }],
      ]);

      const lateCancel = orderCancelled(created, 'CANCELLED_BY_CUSTOMER');
      await produce([lateCancel], partition);
      await waitFor('the late OrderCancelled to be processed', () => processed(lateCancel.eventId));
      expect(await reservation(orderId)).toMatchObject({ status: 'COMMITTED' });
      expect(await stock(sku)).toEqual({ onHand: 3, reserved: 0 });
    });

    it('changes nothing when an OrderCreated is delivered again, under its own or another event id', async () => {
      const sku = await newProduct(5);
      const created = orderCreated([{ sku, quantity: 1 }]);
      const { orderId } = created.payload;
      const partition = await produce([created]);
      await statusOf(orderId, 'RESERVED');
      const before = { view: await view(sku), stock: await stock(sku), reservation: await reservation(orderId) };

      // The same envelope, the same order republished under a new event id, then a sentinel on the
      // same partition: once the sentinel is decided, both were dealt with before it.
      const republished = { ...created, eventId: randomUUID() };
      const sentinel = orderCreated([{ sku, quantity: 1 }]);
      await produce([created, republished, sentinel], partition);
      await statusOf(sentinel.payload.orderId, 'RESERVED');

      expect(await processed(republished.eventId)).toBe(true);
      expect(await reservation(orderId)).toEqual(before.reservation);
      expect(await events(`reservation-${orderId}`)).toHaveLength(1);
      // Only the sentinel's unit was reserved since.
      expect(await stock(sku)).toEqual({ onHand: 5, reserved: before.stock.reserved + 1 });
      expect(await view(sku)).toMatchObject({ available: before.view.available - 1, reserved: before.view.reserved + 1 });
    });
  });
});
