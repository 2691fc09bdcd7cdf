import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@app/events';
import type { OrderView } from '@app/read-model';
import type { Principal } from '../../auth/principal';
import type { OrderViewReader } from '../../orders/order-view.reader';
import { LiveEvents } from '../live-events';
import { OrderAtVersion } from './order-at-version';
import { OrderStatusFeed } from './order-status-feed';

const ann: Principal = { userId: randomUUID(), role: 'CUSTOMER', email: 'ann@example.com' };
const bob: Principal = { userId: randomUUID(), role: 'CUSTOMER', email: 'bob@example.com' };
const admin: Principal = { userId: randomUUID(), role: 'ADMIN', email: 'admin@example.com' };

/** order_view as the projection leaves it; `waitForVersion` answers at once instead of polling. */
const views = new Map<string, OrderView>();
const reader = {
  findById: async (id: string) => views.get(id) ?? null,
  waitForVersion: async (id: string, version: number) => {
    const order = views.get(id);
    return order && order.version >= version ? order : null;
  },
} as unknown as OrderViewReader;

const orderOf = (owner: Principal, patch: Partial<OrderView> = {}): OrderView => {
  const order: OrderView = {
    id: randomUUID(),
    userId: owner.userId,
    status: 'PENDING',
    lines: [{ sku: 'SKU-1', quantity: 1, unitPriceCents: null }],
    totalCents: null,
    cancellationReason: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    version: 1,
    ...patch,
  };
  views.set(order.id, order);
  return order;
};
const event = (orderId: string, type: string, streamVersion: number, payload: object = {}): EventEnvelope => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  streamId: `order-${orderId}`,
  aggregateId: orderId,
  streamVersion,
  occurredAt: new Date().toISOString(),
  payload: { orderId, ...payload },
  metadata: { correlationId: randomUUID(), causationId: null, userId: null },
});

describe('OrderStatusFeed', () => {
  const live = new LiveEvents();
  const feed = new OrderStatusFeed(live, reader, new OrderAtVersion(reader));
  const codeOf = (principal: Principal | null, id: string) => feed.follow(principal, id).then(() => 'followed', (error) => error.code);

  afterEach(() => expect(live.listenerCount).toBe(0));

  it('sends the order as it is, then each later version once, and nothing of other orders', async () => {
    const order = orderOf(ann);
    const other = orderOf(bob);
    const updates = await feed.follow(ann, order.id);
    expect((await updates.next()).value).toMatchObject({ id: order.id, status: 'PENDING', version: 1 });

    live.publish(event(order.id, 'OrderCreated', 1));
    live.publish(event(other.id, 'OrderConfirmed', 3, { paymentId: randomUUID(), totalCents: 1 }));
    views.set(order.id, { ...order, status: 'CONFIRMED', totalCents: 700, version: 3 });
    live.publish(event(order.id, 'OrderAwaitingPayment', 2, { lines: [], totalCents: 700 }));
    live.publish(event(order.id, 'OrderConfirmed', 3, { paymentId: randomUUID(), totalCents: 700 }));

    // v1 was already sent; the view is at v3 by the time v2 is looked at, so v3 goes once.
    expect((await updates.next()).value).toMatchObject({ id: order.id, status: 'CONFIRMED', totalCents: 700, version: 3 });
    live.publish(event(order.id, 'OrderCancelled', 4, { reason: 'CANCELLED_BY_CUSTOMER' }));
    // The projection has not applied v4: the event's own data is sent.
    expect((await updates.next()).value).toMatchObject({ status: 'CANCELLED', cancellationReason: 'CANCELLED_BY_CUSTOMER', version: 4 });
    await updates.return!();
  });

  it("lets an admin follow anyone's order", async () => {
    const updates = await feed.follow(admin, orderOf(ann).id);
    expect((await updates.next()).value).toMatchObject({ userId: ann.userId });
    await updates.return!();
  });

  it("refuses another customer's order, an anonymous caller and an id that is not a UUID", async () => {
    const order = orderOf(ann);

    expect(await codeOf(bob, order.id)).toBe('FORBIDDEN');
    expect(await codeOf(null, order.id)).toBe('UNAUTHENTICATED');
    expect(await codeOf(ann, 'nope')).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for an order the read model does not have', async () => {
    jest.spyOn(reader, 'waitForVersion').mockResolvedValueOnce(null);

    expect(await codeOf(ann, randomUUID())).toBe('NOT_FOUND');
  });
});
