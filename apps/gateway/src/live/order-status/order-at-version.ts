import { Injectable } from '@nestjs/common';
import { type EventEnvelope, parseStreamId } from '@app/events';
import type { OrderView } from '@app/read-model';
import { OrderViewReader } from '../../orders/order-view.reader';
import { applyOrderEvent } from './apply-order-event';

/** How long a change waits for order_view to reach its version before using the event's data. */
const CATCH_UP_MS = 2000;

/**
 * The order as of an event. From order_view once the projection has applied the event's version
 * (it usually trails the event by milliseconds): then the emitted Order is exactly what the
 * `order` query answers. If the projection has not caught up within CATCH_UP_MS (lagging, or the
 * consumers app down), the last projected order with the event applied: a live update should not
 * hang on the read model, and the event carries every field a status change alters.
 */
@Injectable()
export class OrderAtVersion {
  // Every subscriber of one order asks for the same versions: one poll of the read model each.
  private readonly pending = new Map<string, Promise<OrderView | null>>();

  constructor(private readonly orders: OrderViewReader) {}

  at(event: EventEnvelope): Promise<OrderView | null> {
    const key = `${event.streamId}@${event.streamVersion}`;
    let order = this.pending.get(key);
    if (!order) {
      order = this.load(event).finally(() => this.pending.delete(key));
      this.pending.set(key, order);
    }
    return order;
  }

  private async load(event: EventEnvelope): Promise<OrderView | null> {
    const { id } = parseStreamId(event.streamId);
    const projected = await this.orders.waitForVersion(id, event.streamVersion, CATCH_UP_MS);
    if (projected) return projected;
    const last = await this.orders.findById(id);
    return last && applyOrderEvent(last, event);
  }
}
