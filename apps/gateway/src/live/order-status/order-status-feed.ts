import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { type EventEnvelope, streamIdOf } from '@app/events';
import type { OrderView } from '@app/read-model';
import type { Principal } from '../../auth/principal';
import { requireSignedIn } from '../../auth/require-principal';
import { ApiError } from '../../errors/api-error';
import { mayReadOrder } from '../../orders/order-access';
import { OrderViewReader } from '../../orders/order-view.reader';
import { closingWith } from '../feed';
import { LiveEvents } from '../live-events';
import { ORDER_STATUS_EVENTS } from './apply-order-event';
import { OrderAtVersion } from './order-at-version';

/** Right after createOrder (EVENTUAL) the order is not projected yet: wait this long for it. */
const APPEAR_WAIT_MS = 3000;

const uuid = z.uuid();

/** `orderStatusChanged`: who may follow an order, and what they are sent. */
@Injectable()
export class OrderStatusFeed {
  constructor(
    private readonly live: LiveEvents,
    private readonly orders: OrderViewReader,
    private readonly versions: OrderAtVersion,
  ) {}

  /**
   * Owner or admin, checked once, here: an order never changes owner. The first message is the
   * order as it is now, then one per later version. Without the first, a change landing while
   * the client subscribes would be lost, and a client could not tell what it missed.
   */
  async follow(principal: Principal | null, orderId: string): Promise<AsyncIterableIterator<OrderView>> {
    const caller = requireSignedIn(principal, 'follow an order');
    if (!uuid.safeParse(orderId).success) throw new ApiError('BAD_USER_INPUT', 'orderId must be a UUID', 'orderId');
    // Listen before reading: a change landing between the two is queued, not lost.
    const streamId = streamIdOf('order', orderId);
    const events = this.live.feed((e) => e.streamId === streamId && ORDER_STATUS_EVENTS.has(e.type));
    try {
      const order = await this.orders.waitForVersion(orderId, 1, APPEAR_WAIT_MS);
      if (!order) throw new ApiError('NOT_FOUND', 'No such order');
      if (!mayReadOrder(caller, order)) throw new ApiError('FORBIDDEN', 'You may only follow your own orders');
      return closingWith(this.changes(order, events), events);
    } catch (error) {
      await events.return();
      throw error;
    }
  }

  /** Versions only move forward: an event the read model has already shown is not sent again. */
  private async *changes(current: OrderView, events: AsyncIterable<EventEnvelope>): AsyncGenerator<OrderView> {
    let version = current.version;
    // A copy per message: graphql-js runs each message with it as rootValue, which scopes the
    // Order.user / Order.payment loaders to that message (see batchScope).
    yield { ...current };
    for await (const event of events) {
      if (event.streamVersion <= version) continue;
      const order = await this.versions.at(event);
      if (!order || order.version <= version) continue;
      version = order.version;
      yield { ...order };
    }
  }
}
