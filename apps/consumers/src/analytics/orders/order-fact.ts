import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import { ANALYTICS_SCHEMA as S } from '../analytics.schema';
import { fieldGuardedParams, fieldGuardedUpdate, type GuardedColumn } from '../../shared/field-guarded-update';
import { recomputeSalesBuckets } from './sales-rollup';

/** A later event of an order whose OrderCreated the warehouse never got (e.g. dead-lettered). */
export class OrderFactMissingError extends Error {
  readonly code = 'ORDER_FACT_MISSING';
  constructor(
    readonly orderId: string,
    readonly eventType: string,
  ) {
    super(`${eventType} for order ${orderId}, which analytics.fact_orders does not have`);
  }
}

export interface OrderFactChanges {
  status: 'AWAITING_PAYMENT' | 'CONFIRMED' | 'CANCELLED';
  total_cents?: number;
  confirmed_at?: string;
  cancelled_at?: string;
  cancellation_reason?: string;
}

/**
 * Applies a later event of an order's stream to its fact column by column (fieldGuardedUpdate),
 * and then recomputes the order's sales buckets in the same transaction. A duplicate or a replay
 * changes nothing, rollups included; an older event redriven after a newer one fills in only
 * what no newer event has set.
 * A missing fact throws (retries, then dead letter) like the order projection: OrderCreated
 * shares the order's key, so it always comes first unless it was lost.
 */
export const updateOrderFact = async (em: EntityManager, run: RunScope, orderId: string, event: EventEnvelope, changes: OrderFactChanges): Promise<void> => {
  // Column names come from OrderFactChanges' keys (never from input); values are parameters.
  const columns: GuardedColumn[] = Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([column, value]) => ({ column, value, ...(column.endsWith('_at') ? { cast: 'timestamptz' as const } : {}) }));
  const [rows]: [{ created_at: Date }[], number] = await em.query(
    fieldGuardedUpdate(`"${S}"."fact_orders"`, 'order_id', columns, 'created_at'),
    fieldGuardedParams(orderId, event.streamVersion, columns),
  );
  if (rows.length > 0) return recomputeSalesBuckets(run, em, rows[0].created_at);
  const exists = await em.query(`SELECT 1 FROM "${S}"."fact_orders" WHERE order_id = $1`, [orderId]);
  if (exists.length === 0) throw new OrderFactMissingError(orderId, event.type);
};
