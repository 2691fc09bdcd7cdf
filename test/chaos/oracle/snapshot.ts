import type { Pool } from 'pg';
import { foldOrder, foldPayment, foldProduct, foldReservation, type OrderFold, type PaymentFold, type ProductFold, type ReservationFold } from './fold';
import { CLAIM_SCHEMAS } from './consumers';
import { type Baseline, byStream, loadEvents, rowsOrEmpty, STORES, type StoredEvent } from './stored-events';

export interface Delivery {
  id: string;
  channel: string;
  template: string;
  status: string;
  event_id: string;
}

/** What the stores say (folded) and what every copy in PostgreSQL says, read once the system is idle. */
export interface Snapshot {
  baseline: Baseline;
  events: StoredEvent[];
  scoped: StoredEvent[];
  streams: Map<string, StoredEvent[]>;
  orders: Map<string, OrderFold>;
  payments: Map<string, PaymentFold>;
  reservations: Map<string, ReservationFold>;
  products: Map<string, ProductFold>;
  users: Map<string, Record<string, unknown>>;
  /** processed_events of the scoped events, per consumer name: `${consumer} ${eventId}` */
  claims: Set<string>;
  deliveries: Delivery[];
  parked: Map<string, string>;
  rows: {
    orderView: Map<string, Record<string, unknown>>;
    paymentView: Map<string, Record<string, unknown>>;
    productView: Map<string, Record<string, unknown>>;
    userView: Map<string, Record<string, unknown>>;
    facts: Map<string, Record<string, unknown>>;
    stock: Map<string, Record<string, unknown>>;
    reservations: Map<string, Record<string, unknown>>;
    payments: Map<string, Record<string, unknown>>;
  };
}

const keyed = async (db: Pool, key: string, sql: string, ids: string[]): Promise<Map<string, Record<string, unknown>>> => {
  const rows = ids.length ? await rowsOrEmpty<Record<string, unknown>>(db, sql, [ids]) : [];
  return new Map(rows.map((r) => [String(r[key]), r]));
};

const foldAll = <T>(streams: Map<string, StoredEvent[]>, prefix: string, fold: (events: StoredEvent[]) => T): Map<string, T> =>
  new Map([...streams].filter(([id]) => id.startsWith(prefix)).map(([id, events]) => [id.slice(prefix.length), fold(events)]));

/** The stores' side of a snapshot: every touched stream, folded. */
export const foldStreams = (events: StoredEvent[]) => {
  const streams = byStream(events);
  return {
    events,
    scoped: events.filter((e) => e.inScope),
    streams,
    orders: foldAll(streams, 'order-', foldOrder),
    products: foldAll(streams, 'product-', foldProduct),
    users: foldAll(streams, 'user-', (es) => es[0].payload),
    payments: foldAll(streams, 'payment-', foldPayment),
    reservations: foldAll(streams, 'reservation-', foldReservation),
  };
};

export const takeSnapshot = async (db: Pool, baseline: Baseline): Promise<Snapshot> => {
  const folded = foldStreams(await loadEvents(db, baseline));
  const { scoped, orders, products, users } = folded;
  const orderIds = [...orders.keys()];
  const skus = [...products.keys()];
  const ids = scoped.map((e) => e.eventId);
  // Consumers keep their claims in the schema of the app that hosts them (see oracle/consumers.ts).
  const claimRows: { c: string }[] = [];
  for (const schema of CLAIM_SCHEMAS) {
    claimRows.push(...(await rowsOrEmpty<{ c: string }>(db, `SELECT consumer || ' ' || event_id AS c FROM "${schema}".processed_events WHERE event_id = ANY($1)`, [ids])));
  }
  const parked: { event_id: string; reason: string }[] = [];
  for (const store of STORES) {
    parked.push(...(await rowsOrEmpty<{ event_id: string; reason: string }>(db, `SELECT event_id::text, reason FROM "${store}".relay_parked WHERE event_id::text = ANY($1)`, [ids])));
  }
  return {
    baseline,
    ...folded,
    claims: new Set(claimRows.map((r) => r.c)),
    deliveries: await rowsOrEmpty<Delivery>(db, `SELECT id::text, channel, template, status, event_id FROM notifications.deliveries WHERE event_id = ANY($1)`, [ids]),
    parked: new Map(parked.map((p) => [p.event_id, p.reason])),
    rows: {
      orderView: await keyed(db, 'id', `SELECT id::text, user_id::text, status, lines, total_cents, cancellation_reason FROM read_model.order_view WHERE id::text = ANY($1)`, orderIds),
      paymentView: await keyed(db, 'order_id', `SELECT id::text, order_id::text, amount_cents, status FROM read_model.payment_view WHERE order_id::text = ANY($1)`, orderIds),
      productView: await keyed(db, 'sku', `SELECT sku, name, price_cents, available, reserved FROM read_model.product_view WHERE sku = ANY($1)`, skus),
      userView: await keyed(db, 'id', `SELECT id::text, email, name, role FROM read_model.user_view WHERE id::text = ANY($1)`, [...users.keys()]),
      facts: await keyed(db, 'order_id', `SELECT order_id::text, status, total_cents FROM analytics.fact_orders WHERE order_id::text = ANY($1)`, orderIds),
      stock: await keyed(db, 'sku', `SELECT sku, on_hand, reserved FROM inventory.products WHERE sku = ANY($1)`, skus),
      reservations: await keyed(db, 'order_id', `SELECT order_id::text, status FROM inventory.reservations WHERE order_id::text = ANY($1)`, orderIds),
      payments: await keyed(db, 'order_id', `SELECT order_id::text, payment_id::text, status, amount_cents FROM payments.payments WHERE order_id::text = ANY($1)`, orderIds),
    },
  };
};
