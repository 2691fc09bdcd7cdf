import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@app/events';
import { OrderView, READ_MODEL_SCHEMA } from '@app/read-model';
import { fieldGuardedParams, fieldGuardedUpdate, type GuardedColumn } from '../shared/field-guarded-update';

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

const COLUMNS: Record<keyof Changes, GuardedColumn['column']> = { status: 'status', lines: 'lines', totalCents: 'total_cents', cancellationReason: 'cancellation_reason' };
const TABLE = `"${READ_MODEL_SCHEMA}"."order_view"`;

/**
 * Applies a later event of an order's stream to its row, column by column (fieldGuardedUpdate):
 * a replay or a duplicate changes nothing, and an older event redriven after a newer one fills in
 * only what no newer event has set.
 *
 * No row at all is an error, not a no-op: order events share one key, so OrderCreated always
 * comes first, and a missing row means it was lost (e.g. dead-lettered). Throwing sends this
 * event through retries to the dead-letter topic, to be redriven once the order exists, instead
 * of silently leaving the view behind.
 */
export const updateOrderView = async (em: EntityManager, orderId: string, event: EventEnvelope, changes: Changes): Promise<void> => {
  const columns: GuardedColumn[] = (Object.keys(changes) as (keyof Changes)[]).map((field) => ({
    column: COLUMNS[field],
    value: changes[field],
    ...(field === 'lines' ? { cast: 'jsonb' as const } : {}),
  }));
  columns.push({ column: 'updated_at', value: event.occurredAt, cast: 'timestamptz' });
  const [rows]: [unknown[], number] = await em.query(fieldGuardedUpdate(TABLE, 'id', columns), fieldGuardedParams(orderId, event.streamVersion, columns));
  if (rows.length > 0) return;
  if (!(await em.existsBy(OrderView, { id: orderId }))) throw new OrderViewMissingError(orderId, event.type);
};
