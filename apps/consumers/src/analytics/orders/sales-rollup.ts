import type { EntityManager } from 'typeorm';
import type { RunBuffer, RunScope } from '@app/messaging';
import { ANALYTICS_SCHEMA as S } from '../analytics.schema';

const HOUR_MS = 3_600_000;

/** A bucket's measures from its facts (fact_orders rows), and a day's from its hours (sales_hourly rows): also a rebuild's. */
export const HOUR_FROM_FACTS = `count(*)::int AS orders,
  (count(*) FILTER (WHERE status = 'CONFIRMED'))::int AS confirmed_orders,
  (count(*) FILTER (WHERE status = 'CANCELLED'))::int AS cancelled_orders,
  coalesce(sum(total_cents) FILTER (WHERE status = 'CONFIRMED'), 0) AS revenue_cents`;
export const DAY_FROM_HOURS = `coalesce(sum(orders), 0)::int AS orders, coalesce(sum(confirmed_orders), 0)::int AS confirmed_orders,
  coalesce(sum(cancelled_orders), 0)::int AS cancelled_orders, coalesce(sum(revenue_cents), 0) AS revenue_cents`;

const MEASURES = `orders = s.orders, confirmed_orders = s.confirmed_orders, cancelled_orders = s.cancelled_orders, revenue_cents = s.revenue_cents`;

/**
 * Recomputes the hourly and daily sales rows of the UTC hour and day in which an order was
 * created, from the facts. Semantics (also in the gateway's `salesReport` description): a bucket
 * is the orders *created* in it; `confirmed_orders`/`cancelled_orders` are those of them whose
 * status is now CONFIRMED/CANCELLED, and `revenue_cents` the sum of their confirmed totals. So a
 * later confirmation changes the bucket of the order's creation, never the bucket of the event.
 *
 * A recompute is a function of the facts, so a replay or a duplicate cannot drift the figures.
 * Separate statements on purpose: the bucket row is locked first, and under READ COMMITTED the
 * next statement's snapshot then sees every fact committed by whoever held that lock before us
 * (one statement, or one CTE, would share a snapshot taken before the wait: a lost update when
 * two consumers of one group recompute the same bucket at once). Hour before day: no deadlock.
 */
const hourOf = (createdAt: Date): string => new Date(Math.floor(createdAt.getTime() / HOUR_MS) * HOUR_MS).toISOString();

const recomputeHour = async (em: EntityManager, hour: string): Promise<void> => {
  // ON CONFLICT DO UPDATE locks an existing row even though it changes nothing.
  await em.query(`INSERT INTO "${S}"."sales_hourly" (hour) VALUES ($1) ON CONFLICT (hour) DO UPDATE SET orders = "sales_hourly".orders`, [hour]);
  await em.query(
    `UPDATE "${S}"."sales_hourly" SET ${MEASURES}
     FROM (SELECT ${HOUR_FROM_FACTS}
           FROM "${S}"."fact_orders" WHERE created_at >= $1::timestamptz AND created_at < $1::timestamptz + interval '1 hour') s
     WHERE hour = $1::timestamptz`,
    [hour],
  );
};

// A UTC day is exactly its 24 UTC hours: summing them is cheaper than rescanning a day of facts.
const recomputeDay = async (em: EntityManager, day: string): Promise<void> => {
  await em.query(`INSERT INTO "${S}"."sales_daily" (day) VALUES ($1) ON CONFLICT (day) DO UPDATE SET orders = "sales_daily".orders`, [day]);
  await em.query(
    `UPDATE "${S}"."sales_daily" SET ${MEASURES}
     FROM (SELECT ${DAY_FROM_HOURS}
           FROM "${S}"."sales_hourly" WHERE hour >= $2::timestamptz AND hour < $2::timestamptz + interval '1 day') s
     WHERE day = $1::date`,
    [day, `${day}T00:00:00Z`],
  );
};

/**
 * The buckets a run's events touched, each recomputed once when the run is about to commit: a
 * run of many orders of one hour rescans that hour's facts once, not once per event. Every hour
 * (in order), then every day (in order): one lock order for all runs, so no deadlock.
 */
class PendingSalesBuckets implements RunBuffer {
  private readonly hours = new Set<string>();

  constructor(private readonly em: EntityManager) {}

  touch(createdAt: Date): void {
    this.hours.add(hourOf(createdAt));
  }

  async flush(): Promise<void> {
    const hours = [...this.hours].sort();
    for (const hour of hours) await recomputeHour(this.em, hour);
    for (const day of [...new Set(hours.map((h) => h.slice(0, 10)))].sort()) await recomputeDay(this.em, day);
  }
}

const BUCKETS = Symbol('sales buckets');

/** Marks the hour and day of an order created at `createdAt` for recomputing before the run commits. */
export const recomputeSalesBuckets = (run: RunScope, em: EntityManager, createdAt: Date): void => {
  run.buffer(BUCKETS, () => new PendingSalesBuckets(em)).touch(createdAt);
};
