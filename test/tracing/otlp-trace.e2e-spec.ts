import { randomUUID } from 'node:crypto';
import { COMMANDS } from '@app/commands';
import { gql } from '../support/graphql-client';
import { OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

type Stored = { type: string; metadata: Record<string, unknown> };
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;
const PLACE_ORDER = `mutation PlaceOrder($i: CreateOrderInput!) { createOrder(input: $i) { orderId } }`;

/** An admin, a customer and a product in stock: what placing an order needs. */
const shop = async (url: string) => {
  const admin = await waitFor('the seeded admin to log in', async () => (await gql(url, `mutation { login(email: "admin@example.com", password: "admin12345") { token } }`)).data?.login?.token as string | undefined);
  const customer = (await gql(url, `mutation R($i: RegisterUserInput!) { registerUser(input: $i) { token } }`, { i: { email: `otel-${randomUUID()}@example.test`, name: 'C', password: 'correct horse' } })).data.registerUser.token as string;
  const sku = `SKU-${randomUUID().slice(0, 8)}`;
  expect((await gql(url, `mutation { addProduct(sku: "${sku}", name: "Kettle", priceCents: 900, initialStock: 10, consistency: PROJECTED) { version } }`, {}, admin)).errors).toBeUndefined();
  /** Places an order and waits until its saga confirmed it and the event log holds OrderConfirmed. */
  const confirmedOrder = async (): Promise<{ orderId: string; events: Stored[] }> => {
    const placed = await gql(url, PLACE_ORDER, { i: { lines: [{ sku, quantity: 1 }], paymentToken: 'tok_visa' } }, customer);
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data.createOrder.orderId as string;
    const events = await waitFor(`order ${orderId} confirmed in the event log`, async () => {
      const r = await gql(url, `query E($s: String!) { events(streamId: $s) { type metadata } }`, { s: `order-${orderId}` }, admin);
      const list = (r.data?.events ?? []) as Stored[];
      return list.some((e) => e.type === 'OrderConfirmed') ? list : undefined;
    }, { timeoutMs: 60000, intervalMs: 250 });
    return { orderId, events };
  };
  return { confirmedOrder };
};

/**
 * Issue 12, item 3: with OTEL_EXPORTER_OTLP_ENDPOINT set, every app exports spans over OTLP/HTTP
 * and one createOrder mutation is one trace, across the gateway, the order service, its relay,
 * inventory, the saga, the payment service and the sinks, carried by the traceparent of commands
 * and events; with it unset, nothing is traced and events carry no traceparent.
 */
describe('tracing on: one createOrder, one trace, exported over OTLP', () => {
  const receiver = new OtlpReceiver();
  let system: System;
  let confirmedOrder: Awaited<ReturnType<typeof shop>>['confirmedOrder'];

  beforeAll(async () => {
    const endpoint = await receiver.start();
    // A short batch delay: spans reach the receiver within a fraction of a second.
    system = new System({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' });
    await system.start();
    ({ confirmedOrder } = await shop(system.gatewayUrl));
  });
  afterAll(async () => {
    await system?.stop();
    await receiver.stop();
  });

  it('joins the gateway, the order command, its relay, inventory, the saga, the payment and the sinks in the trace of the mutation', async () => {
    const { orderId, events } = await confirmedOrder();
    const mutation = await waitFor("the gateway's PlaceOrder span", () =>
      receiver.spans.find((s) => s.service === 'gateway' && s.name === 'mutation PlaceOrder' && receiver.trace(s.traceId).some((c) => c.attributes['command.id'] !== undefined && c.service === 'order')),
    );
    const expected: [string, string][] = [
      ['gateway', 'mutation PlaceOrder'],
      ['order', `command ${COMMANDS.createOrder}`],
      ['order', 'relay OrderCreated'],
      ['consumers', 'inventory OrderCreated'],
      ['consumers', 'relay InventoryReserved'],
      ['order', 'order-saga InventoryReserved'],
      ['payment', `command ${COMMANDS.processPayment}`],
      ['payment', 'relay PaymentProcessed'],
      ['order', 'order-saga-payments PaymentProcessed'],
      ['order', 'relay OrderConfirmed'],
      ['consumers', 'projections OrderConfirmed'],
      ['consumers', 'search OrderConfirmed'],
      ['consumers', 'analytics OrderConfirmed'],
      ['consumers', 'notifications OrderConfirmed'],
    ];
    const span = (spans: ReceivedSpan[], [service, name]: [string, string]) => spans.find((s) => s.service === service && s.name === name);
    const trace = await waitFor(`every hop of order ${orderId} in trace ${mutation.traceId}`, () => {
      const spans = receiver.trace(mutation.traceId);
      return expected.every((e) => span(spans, e)) ? spans : undefined;
    });
    // The relay spans are there (above); the pg and kafkajs instrumentations add theirs inside.
    expect(trace.some((s) => s.service === 'order' && [s.attributes['db.system'], s.attributes['db.system.name']].includes('postgresql'))).toBe(true);
    expect(receiver.contentTypes).toEqual(new Set(['application/json']));

    // The stored metadata carries the trace context of the span that appended each event...
    const created = events.find((e) => e.type === 'OrderCreated')!;
    const [, traceId, appender] = TRACEPARENT.exec(String(created.metadata.traceparent))!;
    expect(traceId).toBe(mutation.traceId);
    expect(appender).toBe(span(trace, ['order', `command ${COMMANDS.createOrder}`])!.spanId);
    for (const e of events) expect(TRACEPARENT.exec(String(e.metadata.traceparent))?.[1]).toBe(mutation.traceId);
    // ...and the Kafka header the same: the consumers continue the appender's span, not a send span of kafkajs.
    expect(span(trace, ['consumers', 'inventory OrderCreated'])!.parentSpanId).toBe(appender);
    expect(span(trace, ['order', 'relay OrderCreated'])!.parentSpanId).toBe(appender);
  });
});

describe('tracing off: no OTLP endpoint', () => {
  let system: System;
  let confirmedOrder: Awaited<ReturnType<typeof shop>>['confirmedOrder'];

  beforeAll(async () => {
    // Explicitly unset, whatever the environment running the tests says.
    system = new System({ OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '' });
    await system.start();
    ({ confirmedOrder } = await shop(system.gatewayUrl));
  });
  afterAll(() => system?.stop());

  it("stores an order's events with exactly their correlation, causation and user: no traceparent", async () => {
    const { events } = await confirmedOrder();
    expect(events.map((e) => e.type)).toEqual(['OrderCreated', 'OrderAwaitingPayment', 'OrderConfirmed']);
    for (const e of events) expect(Object.keys(e.metadata).sort()).toEqual(['causationId', 'correlationId', 'userId']);
  });
});
