import type { ClientBase } from 'pg';
import { OrderAwaitingPayment, OrderCancelled, OrderConfirmed, OrderCreated, UserRegistered, type EventEnvelope } from '@app/events';
import type { EventStore } from '@app/event-store';
import { decoded } from '../../rebuild/decoded';
import { type FoldedColumn, GuardedUpdates } from '../../rebuild/guarded-updates';
import { type RebuildBatch, rebuildTables, type TableName, type TableRebuildOptions, type TableRebuildResult, type TableRebuildSpec } from '../../rebuild/table-rebuild';
import { ANALYTICS_SCHEMA } from '../analytics.schema';
import { orderAwaitingPaymentFactChanges } from '../orders/order-awaiting-payment.handler';
import { orderCancelledFactChanges } from '../orders/order-cancelled.handler';
import { orderConfirmedFactChanges } from '../orders/order-confirmed.handler';
import type { OrderFactChanges } from '../orders/order-fact';
import { DAY_FROM_HOURS, HOUR_FROM_FACTS } from '../orders/sales-rollup';

/** The live handlers' rule per later order event (one copy of each, in the handler's file). */
const FACT_CHANGES: Record<string, (event: EventEnvelope<any>) => OrderFactChanges> = {
  [OrderAwaitingPayment.type]: orderAwaitingPaymentFactChanges,
  [OrderConfirmed.type]: orderConfirmedFactChanges,
  [OrderCancelled.type]: orderCancelledFactChanges,
};
const FACT_GUARDED: readonly FoldedColumn[] = [
  { field: 'status', column: 'status', type: 'text' },
  // bigint, as the column: a total past 2^31 cents fits it, and an int cast would fail the rebuild.
  { field: 'total_cents', column: 'total_cents', type: 'bigint' },
  { field: 'confirmed_at', column: 'confirmed_at', type: 'timestamptz' },
  { field: 'cancelled_at', column: 'cancelled_at', type: 'timestamptz' },
  { field: 'cancellation_reason', column: 'cancellation_reason', type: 'text' },
];

/**
 * The warehouse's facts from one batch, with the live handlers' rules: a user's first signup and
 * an order's creation insert (a duplicate inserts nothing), later order events update the fact
 * field by field. The rollups are not written per batch: the swap recomputes them whole from the
 * facts (rollupsFromFacts), which is what the live consumer keeps them equal to.
 */
class AnalyticsBatch implements RebuildBatch {
  private readonly signups = new Map<string, unknown[]>();
  private readonly orders = new Map<string, unknown[]>();
  private readonly updates = new GuardedUpdates(FACT_GUARDED, 'order_id');
  private undecodable = 0;

  constructor(private readonly table: TableName) {}

  add(stored: EventEnvelope): void {
    if (![UserRegistered.type, OrderCreated.type, ...Object.keys(FACT_CHANGES)].includes(stored.type)) return;
    const event = decoded(stored);
    if (!event) return void this.undecodable++;
    const { payload: p, occurredAt, streamVersion } = event;
    if (event.type === UserRegistered.type) {
      if (!this.signups.has(p.userId)) this.signups.set(p.userId, [p.userId, event.eventId, occurredAt, p.role]);
    } else if (event.type === OrderCreated.type) {
      if (!this.orders.has(p.orderId)) this.orders.set(p.orderId, [p.orderId, p.userId, occurredAt, streamVersion]);
    } else {
      this.updates.add(p.orderId, streamVersion, { ...FACT_CHANGES[event.type](event) });
    }
  }

  async flush(db: ClientBase): Promise<number> {
    const columns = (rows: unknown[][], width: number) => Array.from({ length: width }, (_, i) => rows.map((r) => r[i]));
    if (this.signups.size) {
      await db.query(
        `INSERT INTO ${this.table('fact_user_signups')} (user_id, event_id, registered_at, signup_day, role)
         SELECT u, e, r, (r AT TIME ZONE 'UTC')::date, ro FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[]) AS d(u, e, r, ro)
         ON CONFLICT DO NOTHING`,
        columns([...this.signups.values()], 4),
      );
    }
    if (this.orders.size) {
      await db.query(
        `INSERT INTO ${this.table('fact_orders')} (order_id, user_id, created_at, status, version)
         SELECT o, u, c, 'PENDING', v FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::int[]) AS d(o, u, c, v)
         ON CONFLICT (order_id) DO NOTHING`,
        columns([...this.orders.values()], 4),
      );
    }
    return this.undecodable + (await this.updates.flush(db, this.table('fact_orders')));
  }
}

/** Inside the swap: every rollup row from the rebuilt facts, by the live recompute's own measures. */
const rollupsFromFacts = async (db: ClientBase, table: TableName): Promise<void> => {
  await db.query(`INSERT INTO ${table('daily_signups')} (day, signups) SELECT signup_day, count(*) FROM ${table('fact_user_signups')} GROUP BY 1`);
  await db.query(`INSERT INTO ${table('sales_hourly')} (hour, orders, confirmed_orders, cancelled_orders, revenue_cents)
    SELECT date_trunc('hour', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', ${HOUR_FROM_FACTS} FROM ${table('fact_orders')} GROUP BY 1`);
  await db.query(`INSERT INTO ${table('sales_daily')} (day, orders, confirmed_orders, cancelled_orders, revenue_cents)
    SELECT (hour AT TIME ZONE 'UTC')::date, ${DAY_FROM_HOURS} FROM ${table('sales_hourly')} GROUP BY 1`);
};

/** The analytics warehouse: facts, and the rollups derived from them. */
export const ANALYTICS: TableRebuildSpec = {
  name: 'analytics',
  schema: ANALYTICS_SCHEMA,
  // The live order of writes: a fact, then its hour and day; a signup, then its day.
  tables: ['fact_orders', 'fact_user_signups', 'sales_hourly', 'sales_daily', 'daily_signups'],
  batch: (table) => new AnalyticsBatch(table),
  finish: rollupsFromFacts,
};

/** The analytics warehouse rebuilt blue/green from the users' and orders' stores. */
export const rebuildAnalytics = ({ stores, ...options }: Omit<TableRebuildOptions, 'stores'> & { stores: { users: EventStore; orders: EventStore } }): Promise<TableRebuildResult> =>
  rebuildTables(ANALYTICS, { ...options, stores: [stores.users, stores.orders] });
