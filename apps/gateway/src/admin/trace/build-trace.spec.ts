import { randomUUID } from 'node:crypto';
import { type AppliedEvent, buildTrace, type Delivery, type TraceEvent } from './build-trace';

const t0 = Date.parse('2030-01-01T10:00:00.000Z');
const at = (ms: number) => new Date(t0 + ms);
const orderId = randomUUID();
const command = randomUUID();
const event = (type: string, streamId: string, ms: number, causationId: string | null): TraceEvent => ({ eventId: randomUUID(), type, streamId, recordedAt: at(ms), causationId });

/** An order's flow as the stores record it: ids and causes as the services write them. */
const created = event('OrderCreated', `order-${orderId}`, 0, command);
const reserved = event('InventoryReserved', `reservation-${orderId}`, 40, created.eventId);
const awaiting = event('OrderAwaitingPayment', `order-${orderId}`, 70, reserved.eventId);
const paid = event('PaymentProcessed', `payment-${randomUUID()}`, 150, `pay:${orderId}`);
const confirmed = event('OrderConfirmed', `order-${orderId}`, 200, paid.eventId);
const events = [created, reserved, awaiting, paid, confirmed];
const applied: AppliedEvent[] = [
  { consumer: 'projections', eventId: created.eventId, processedAt: at(20) },
  { consumer: 'search', eventId: created.eventId, processedAt: at(25) },
  { consumer: 'order-saga', eventId: reserved.eventId, processedAt: at(60) },
  { consumer: 'notifications', eventId: confirmed.eventId, processedAt: at(230) },
  { consumer: 'projections', eventId: randomUUID(), processedAt: at(5) },
];
const [email, push] = [randomUUID(), randomUUID()];
const deliveries: Delivery[] = [
  { id: email, eventId: confirmed.eventId, channel: 'EMAIL', template: 'ORDER_CONFIRMED', createdAt: at(230), sentAt: at(300) },
  { id: push, eventId: confirmed.eventId, channel: 'PUSH', template: 'ORDER_CONFIRMED', createdAt: at(230), sentAt: at(230) },
  { id: randomUUID(), eventId: randomUUID(), channel: 'EMAIL', template: 'WELCOME', createdAt: at(1), sentAt: null },
];

describe('a trace built from the stores', () => {
  const trace = buildTrace(command, events, applied, deliveries);
  const node = (id: string) => trace.nodes.find((n) => n.id === id)!;

  it('roots the tree at the command that started the correlation, named and placed by its first event', () => {
    expect(trace.nodes[0]).toEqual({ id: command, kind: 'COMMAND', name: 'CreateOrder', service: 'order', causationId: null, at: at(0), latencyMs: null });
    expect(trace.nodes.filter((n) => n.causationId === null)).toHaveLength(1);
  });

  it('links every other node to a cause in the trace, with the time since it', () => {
    const ids = new Set(trace.nodes.map((n) => n.id));
    for (const n of trace.nodes.slice(1)) expect([n.id, ids.has(n.causationId!)]).toEqual([n.id, true]);
    expect(node(reserved.eventId)).toMatchObject({ kind: 'EVENT', name: 'InventoryReserved', service: 'inventory', causationId: created.eventId, latencyMs: 40 });
  });

  it("hangs the saga's payment command under the event the saga sends it on", () => {
    expect(node(`pay:${orderId}`)).toMatchObject({ kind: 'COMMAND', name: 'ProcessPayment', service: 'payment', causationId: reserved.eventId, at: at(150), latencyMs: 110 });
    expect(node(paid.eventId)).toMatchObject({ causationId: `pay:${orderId}`, latencyMs: 0 });
  });

  it('shows what each consumer applied, named after what it keeps, each notification, and a sent email under its notification', () => {
    expect(node(`projections:${created.eventId}`)).toMatchObject({ kind: 'EFFECT', name: 'order_view', service: 'projections', latencyMs: 20 });
    expect(node(`search:${created.eventId}`)).toMatchObject({ name: 'orders index', service: 'search' });
    expect(node(`order-saga:${reserved.eventId}`)).toMatchObject({ name: 'order saga', service: 'order', latencyMs: 20 });
    expect(node(email)).toMatchObject({ kind: 'EFFECT', name: 'ORDER_CONFIRMED email', service: 'notifications', causationId: confirmed.eventId, latencyMs: 30 });
    expect(node(push)).toMatchObject({ kind: 'EFFECT', name: 'ORDER_CONFIRMED push', causationId: confirmed.eventId });
    expect(node(`sent:${email}`)).toMatchObject({ kind: 'EFFECT', name: 'ORDER_CONFIRMED email sent', service: 'notifications', causationId: email, latencyMs: 70 });
    // Rows of events outside the correlation have no place in it; a push has no sending of its own.
    expect(trace.nodes).toHaveLength(events.length + 2 + 4 + 3);
  });

  it('orders nodes by time, a cause before its effects at the same moment, and measures first to last', () => {
    const times = trace.nodes.map((n) => n.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const order = trace.nodes.map((n) => n.id);
    expect(order.indexOf(command)).toBeLessThan(order.indexOf(created.eventId));
    expect(order.indexOf(`pay:${orderId}`)).toBeLessThan(order.indexOf(paid.eventId));
    expect(order.indexOf(confirmed.eventId)).toBeLessThan(order.indexOf(`notifications:${confirmed.eventId}`));
    expect(order.indexOf(email)).toBeLessThan(order.indexOf(`sent:${email}`));
    expect(trace.totalMs).toBe(300);
  });

  it('leaves a cause the log does not hold yet as a causationId without a node, not a made-up command', () => {
    const partial = buildTrace(command, [reserved, awaiting], [], []);
    expect(partial.nodes.map((n) => n.kind)).toEqual(['EVENT', 'EVENT']);
    expect(partial.nodes[0]).toMatchObject({ causationId: created.eventId, latencyMs: null });
    expect(partial.totalMs).toBe(30);
  });

  it('still names the root command when its outcome is no known command', () => {
    const odd = event('ParcelShipped', 'parcel-1', 0, command);
    expect(buildTrace(command, [odd], [], []).nodes[0]).toMatchObject({ id: command, kind: 'COMMAND', name: 'command of ParcelShipped', service: 'parcel' });
  });

  it('is empty, 0 ms long, for a correlation nothing is known of', () => {
    expect(buildTrace('nothing', [], [], [])).toEqual({ correlationId: 'nothing', nodes: [], totalMs: 0 });
  });

  it('survives causation ids that loop', () => {
    const a = event('OrderCreated', 'order-a', 0, null);
    const b = event('InventoryReserved', 'reservation-a', 10, a.eventId);
    a.causationId = b.eventId;
    expect(buildTrace('loop', [a, b], [], []).nodes.map((n) => n.latencyMs)).toEqual([-10, 10]);
  });
});
