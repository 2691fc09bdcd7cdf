import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { EVENT_STORE_MIGRATIONS } from '@app/event-store';
import { READ_MODEL_MIGRATIONS } from '@app/read-model';

/** B8's stores, as the services name them (the rebuild reads these four). */
export const STORES = ['users', 'inventory', 'orders', 'payments'] as const;

/** The event stores' and the read model's tables, made by their own migrations (as the superuser: a bench, not a service). */
export const migrate = async (url: string): Promise<void> => {
  for (const [schema, migrations] of [...STORES.map((s) => [s, EVENT_STORE_MIGRATIONS] as const), ['read_model', READ_MODEL_MIGRATIONS] as const]) {
    const ds = new DataSource({ type: 'postgres', url, schema, migrations: [...migrations], migrationsTableName: 'migrations', logging: false });
    await ds.initialize();
    await ds.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await ds.runMigrations();
    await ds.destroy();
  }
};

/**
 * Fills the stores with `total` events of real contracts at their current versions, in SQL (not
 * timed): 1 in 20 events a UserRegistered, 1,000 products, and per order OrderCreated,
 * OrderAwaitingPayment, then OrderConfirmed and PaymentProcessed (every tenth: OrderCancelled and
 * PaymentFailed). Times are whole milliseconds, which is what an envelope carries.
 */
export const fill = async (db: Pool, total: number): Promise<{ users: number; products: number; orders: number }> => {
  const products = 1000;
  const users = Math.floor(total / 20);
  const orders = Math.floor((total - users - products) / 4);
  // md5 as a version-4 UUID: the contracts' ids are validated as such.
  const uuid = 'public.bench_uuid';
  await db.query(`CREATE OR REPLACE FUNCTION ${uuid}(seed text) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$ SELECT overlay(overlay(md5(seed) placing '4' from 13) placing '8' from 17)::uuid $$`);
  const meta = (seed: string) => `jsonb_build_object('correlationId', ${uuid}(${seed}), 'causationId', null, 'userId', null)`;
  const at = (n: string) => `date_trunc('milliseconds', now()) + (${n}) * interval '1 ms'`;
  const insert = (schema: string, select: string) =>
    db.query(`INSERT INTO "${schema}".events (stream_id, stream_version, event_id, event_type, schema_version, payload, metadata, recorded_at) ${select}`);
  await insert('users', `SELECT 'user-' || ${uuid}('u' || g), 1, ${uuid}('ue' || g), 'UserRegistered', 2,
    jsonb_build_object('userId', ${uuid}('u' || g), 'email', 'u' || g || '@example.test', 'name', 'User ' || g, 'role', 'CUSTOMER'), ${meta("'cu' || g")}, ${at('g')}
    FROM generate_series(1, ${users}) g ORDER BY g`);
  await insert('inventory', `SELECT 'product-SKU-' || g, 1, ${uuid}('pe' || g), 'ProductAdded', 1,
    jsonb_build_object('sku', 'SKU-' || g, 'name', 'Product ' || g, 'priceCents', 500, 'initialStock', 1000000), ${meta("'cp' || g")}, ${at('g')}
    FROM generate_series(1, ${products}) g ORDER BY g`);
  // Per order: its id, user, sku, quantity, payment id and whether it is paid.
  const order = `SELECT g, ${uuid}('o' || g) AS id, ${uuid}('u' || (1 + g % ${users})) AS user_id, 'SKU-' || (1 + g % ${products}) AS sku,
    1 + g % 3 AS qty, ${uuid}('p' || g) AS payment_id, g % 10 <> 0 AS paid FROM generate_series(1, ${orders}) g`;
  await insert('orders', `SELECT 'order-' || o.id, v.n, ${uuid}('oe' || o.g || '-' || v.n), v.type, v.version, v.payload, ${meta("'co' || o.g")}, ${at('o.g * 3 + v.n')}
    FROM (${order}) o CROSS JOIN LATERAL (VALUES
      (1, 'OrderCreated', 1, jsonb_build_object('orderId', o.id, 'userId', o.user_id, 'lines', jsonb_build_array(jsonb_build_object('sku', o.sku, 'quantity', o.qty)))),
      (2, 'OrderAwaitingPayment', 1, jsonb_build_object('orderId', o.id, 'lines', jsonb_build_array(jsonb_build_object('sku', o.sku, 'quantity', o.qty, 'unitPriceCents', 500)), 'totalCents', 500 * o.qty)),
      (3, CASE WHEN o.paid THEN 'OrderConfirmed' ELSE 'OrderCancelled' END, CASE WHEN o.paid THEN 1 ELSE 2 END,
         CASE WHEN o.paid THEN jsonb_build_object('orderId', o.id, 'paymentId', o.payment_id, 'totalCents', 500 * o.qty)
              ELSE jsonb_build_object('orderId', o.id, 'reason', 'PAYMENT_FAILED') END)
    ) v(n, type, version, payload) ORDER BY o.g, v.n`);
  await insert('payments', `SELECT 'payment-' || o.payment_id, 1, ${uuid}('ye' || o.g), CASE WHEN o.paid THEN 'PaymentProcessed' ELSE 'PaymentFailed' END, 1,
    jsonb_build_object('paymentId', o.payment_id, 'orderId', o.id, 'amountCents', 500 * o.qty) || CASE WHEN o.paid THEN '{}'::jsonb ELSE '{"reason": "DECLINED", "message": "card declined"}'::jsonb END,
    ${meta("'cy' || o.g")}, ${at('o.g * 3 + 2')} FROM (${order}) o ORDER BY o.g`);
  for (const s of STORES) await db.query(`VACUUM ANALYZE "${s}".events`);
  return { users, products, orders };
};
