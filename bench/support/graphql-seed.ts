import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { READ_MODEL_MIGRATIONS } from '@app/read-model';
import { ensureServiceRoles } from '../../scripts/stack/postgres';

const onServer = async (databaseUrl: string, sql: string): Promise<void> => {
  const url = Object.assign(new URL(databaseUrl), { pathname: '/postgres' });
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
};

const nameOf = (databaseUrl: string) => decodeURIComponent(new URL(databaseUrl).pathname.slice(1));

export const dropDatabase = (databaseUrl: string) => onServer(databaseUrl, `DROP DATABASE IF EXISTS "${nameOf(databaseUrl)}" WITH (FORCE)`);

export interface SeededUser {
  userId: string;
  email: string;
  orderIds: string[];
}

/**
 * A fresh database with the read model's own migrations (the ones the consumers app runs; the
 * gateway runs none), then `orders` orders of one customer with their lines and payments, as the
 * projections write them: mostly confirmed and paid, every tenth cancelled after a failed payment.
 */
export const seedReadModel = async (databaseUrl: string, orders: number): Promise<SeededUser> => {
  await dropDatabase(databaseUrl);
  await onServer(databaseUrl, `CREATE DATABASE "${nameOf(databaseUrl)}"`);
  const ds = await new DataSource({ type: 'postgres', url: databaseUrl, migrations: READ_MODEL_MIGRATIONS }).initialize();
  try {
    await ds.runMigrations();
    const user = { userId: randomUUID(), email: `b11-${randomUUID().slice(0, 8)}@example.com` };
    await ds.query(`INSERT INTO read_model.user_view VALUES ($1, $2, 'Bench Customer', 'CUSTOMER', now(), 1)`, [user.userId, user.email]);
    const rows: { id: string }[] = await ds.query(
      `INSERT INTO read_model.order_view (id, user_id, status, lines, total_cents, cancellation_reason, created_at, updated_at, version)
       SELECT gen_random_uuid(), $1,
              CASE WHEN i % 10 = 0 THEN 'CANCELLED' ELSE 'CONFIRMED' END,
              jsonb_build_array(
                jsonb_build_object('sku', 'SKU-' || (i % 50), 'quantity', 1 + i % 3, 'unitPriceCents', 1000 + i % 700),
                jsonb_build_object('sku', 'SKU-' || (50 + i % 50), 'quantity', 2, 'unitPriceCents', 250)),
              (1 + i % 3) * (1000 + i % 700) + 500,
              CASE WHEN i % 10 = 0 THEN 'PAYMENT_FAILED' END,
              now() - i * interval '1 minute', now() - i * interval '1 minute' + interval '2 seconds', 4
       FROM generate_series(1, $2) AS i
       RETURNING id`,
      [user.userId, orders],
    );
    await ds.query(
      `INSERT INTO read_model.payment_view (id, order_id, amount_cents, status, failure_reason, processed_at, version)
       SELECT gen_random_uuid(), o.id, o.total_cents,
              CASE WHEN o.status = 'CANCELLED' THEN 'FAILED' ELSE 'PROCESSED' END,
              CASE WHEN o.status = 'CANCELLED' THEN 'card declined' END,
              o.created_at + interval '1 second', 1
       FROM read_model.order_view o`,
    );
    await ds.query('ANALYZE');
    // As in every database of ours: the read model is the consumers' role's, the gateway's role reads it.
    await ensureServiceRoles(databaseUrl);
    return { ...user, orderIds: rows.map((r) => r.id) };
  } finally {
    await ds.destroy();
  }
};
