import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Granularity } from './models/granularity.enum';
import type { SalesPointModel } from './models/sales-point.model';

/**
 * The warehouse schema. Owned and migrated by the consumers app (apps/consumers/src/analytics);
 * apps may not import each other, so the gateway names it here and only ever reads it.
 */
const WAREHOUSE = 'analytics';

const HOUR_MS = 3_600_000;
export const PERIOD_MS: Record<Granularity, number> = { HOUR: HOUR_MS, DAY: 24 * HOUR_MS };

const floorTo = (at: Date, ms: number) => new Date(Math.floor(at.getTime() / ms) * ms);
const ceilTo = (at: Date, ms: number) => new Date(Math.ceil(at.getTime() / ms) * ms);

interface Row {
  period_start: Date;
  orders: number;
  confirmed_orders: number;
  cancelled_orders: number;
  revenue_cents: string;
}

/** Reads the sales rollups through the gateway's DataSource (plain SQL: no entity to keep in step). */
@Injectable()
export class SalesReportReader {
  constructor(private readonly db: DataSource) {}

  /** The rows of the periods that overlap [from, to), oldest first; periods without orders have none. */
  async points(from: Date, to: Date, granularity: Granularity): Promise<SalesPointModel[]> {
    const ms = PERIOD_MS[granularity];
    // Both bounds as period starts: [floor(from), ceil(to)) holds exactly the overlapping periods.
    const range = [floorTo(from, ms).toISOString(), ceilTo(to, ms).toISOString()];
    const sql =
      granularity === 'HOUR'
        ? `SELECT hour AS period_start, orders, confirmed_orders, cancelled_orders, revenue_cents
           FROM "${WAREHOUSE}"."sales_hourly" WHERE hour >= $1::timestamptz AND hour < $2::timestamptz ORDER BY hour`
        : // A day as the timestamptz of its UTC midnight: pg would turn a bare date into local midnight.
          `SELECT (day::timestamp AT TIME ZONE 'UTC') AS period_start, orders, confirmed_orders, cancelled_orders, revenue_cents
           FROM "${WAREHOUSE}"."sales_daily" WHERE day >= $1::date AND day < $2::date ORDER BY day`;
    const rows: Row[] = await this.db.query(sql, granularity === 'HOUR' ? range : range.map((at) => at.slice(0, 10)));
    return rows.map((r) => ({
      periodStart: r.period_start,
      orders: r.orders,
      confirmedOrders: r.confirmed_orders,
      cancelledOrders: r.cancelled_orders,
      // bigint arrives as a string; API.graphql's Int fails loudly above 2^31-1 cents in one period.
      revenueCents: Number(r.revenue_cents),
    }));
  }
}
