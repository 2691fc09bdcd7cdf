import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@app/events';
import { READ_MODEL_SCHEMA, type OrderView } from '@app/read-model';
import { fieldGuardedParams, fieldGuardedUpdate, type GuardedColumn } from '../shared/field-guarded-update';
import { queryPrepared, statement, type Statement } from '../shared/prepared-statement';

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

export type OrderViewChanges = Partial<Pick<OrderView, 'status' | 'lines' | 'totalCents' | 'cancellationReason'>>;

const COLUMNS: Record<keyof OrderViewChanges, GuardedColumn['column']> = { status: 'status', lines: 'lines', totalCents: 'total_cents', cancellationReason: 'cancellation_reason' };
const TABLE = `"${READ_MODEL_SCHEMA}"."order_view"`;
/** Asked only when the update matched no row: a duplicate (the row is there) or a missing order. */
export const ORDER_VIEW_EXISTS = statement(`SELECT 1 FROM ${TABLE} WHERE "id" = $1`);

/**
 * The update's text depends only on which fields an event sets (its keys, in order), a handful
 * fixed by the projections' code: built once per set, not once per event.
 */
const updates = new Map<string, Statement>();
const updateFor = (fields: string, columns: readonly GuardedColumn[]): Statement => {
  let found = updates.get(fields);
  if (found === undefined) updates.set(fields, (found = statement(fieldGuardedUpdate(TABLE, 'id', columns))));
  return found;
};

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
export const updateOrderView = async (em: EntityManager, orderId: string, event: EventEnvelope, changes: OrderViewChanges): Promise<void> => {
  const fields = Object.keys(changes) as (keyof OrderViewChanges)[];
  const columns: GuardedColumn[] = fields.map((field) => ({
    column: COLUMNS[field],
    value: changes[field],
    ...(field === 'lines' ? { cast: 'jsonb' as const } : {}),
  }));
  columns.push({ column: 'updated_at', value: event.occurredAt, cast: 'timestamptz' });
  const { rowCount } = await queryPrepared(em, updateFor(fields.join(), columns), fieldGuardedParams(orderId, event.streamVersion, columns));
  if (rowCount) return;
  if (!(await queryPrepared(em, ORDER_VIEW_EXISTS, [orderId])).rowCount) throw new OrderViewMissingError(orderId, event.type);
};
