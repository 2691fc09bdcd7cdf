import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@app/events';
import { OrderView } from '@app/read-model';

/** An order event arrived for an order the view has never seen: its OrderCreated is missing. */
export class OrderViewMissingError extends Error {
  readonly code = 'ORDER_VIEW_MISSING';
  constructor(
    readonly orderId: string,
    readonly eventType: string,
  ) {
    super(`${eventType} for order ${orderId}, which order_view does not have`);
  }
}

type Changes = Partial<Pick<OrderView, 'status' | 'lines' | 'totalCents' | 'cancellationReason'>>;

/**
 * Applies a later event of an order's stream to its row, only when the row is older than the
 * event (`version < streamVersion`): a replay, a duplicate or a late older event changes nothing.
 *
 * No row at all is an error, not a no-op: order events share one key, so OrderCreated always
 * comes first, and a missing row means it was lost (e.g. dead-lettered). Throwing sends this
 * event through retries to the dead-letter topic, to be redriven once the order exists, instead
 * of silently leaving the view behind.
 */
export const updateOrderView = async (em: EntityManager, orderId: string, event: EventEnvelope, changes: Changes): Promise<void> => {
  const { affected } = await em
    .createQueryBuilder()
    .update(OrderView)
    .set({ ...changes, updatedAt: new Date(event.occurredAt), version: event.streamVersion })
    .where('id = :orderId AND version < :version', { orderId, version: event.streamVersion })
    .updateEntity(false)
    .execute();
  if (affected) return;
  if (!(await em.existsBy(OrderView, { id: orderId }))) throw new OrderViewMissingError(orderId, event.type);
};
