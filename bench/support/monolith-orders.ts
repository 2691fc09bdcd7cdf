/**
 * B12's baseline: the business outcome of one order (check and reserve stock, store the order,
 * its line and the payment, confirm, settle the reservation) as one PostgreSQL transaction per
 * order through raw `pg`, as a monolith would do it. Its own schema in the bench database.
 */
import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { BENCH_DATABASE_URL } from './bench-db';
import { ensureDatabase } from '../../scripts/stack/postgres';

export const MONOLITH_CONNECTIONS = 8;

// The order's steps are a PL/pgSQL function, called as one prepared statement: one round trip
// per order (plans cached per connection), so the hot product row stays locked only for the
// server-side work and the commit. Issuing the steps as separate statements (BEGIN, reserve,
// order+line, payment, confirm+settle, COMMIT) measured about half the orders/s here: slower,
// so not the baseline.
const SCHEMA_SQL = `
  CREATE TABLE products (sku text PRIMARY KEY, price_cents int NOT NULL, available int NOT NULL, reserved int NOT NULL DEFAULT 0, sold int NOT NULL DEFAULT 0);
  CREATE TABLE orders (id uuid PRIMARY KEY, customer_id uuid NOT NULL, status text NOT NULL, total_cents int NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE order_lines (order_id uuid NOT NULL REFERENCES orders, sku text NOT NULL, quantity int NOT NULL, unit_price_cents int NOT NULL, PRIMARY KEY (order_id, sku));
  CREATE TABLE payments (id uuid PRIMARY KEY, order_id uuid NOT NULL UNIQUE REFERENCES orders, amount_cents int NOT NULL, token text NOT NULL, status text NOT NULL);
  CREATE FUNCTION place_order(p_order uuid, p_customer uuid, p_sku text, p_qty int, p_payment uuid, p_token text) RETURNS boolean LANGUAGE plpgsql AS $$
  DECLARE v_price int;
  BEGIN
    UPDATE products SET available = available - p_qty, reserved = reserved + p_qty WHERE sku = p_sku AND available >= p_qty RETURNING price_cents INTO v_price;
    IF NOT FOUND THEN RETURN false; END IF;
    INSERT INTO orders (id, customer_id, status, total_cents) VALUES (p_order, p_customer, 'PENDING', p_qty * v_price);
    INSERT INTO order_lines (order_id, sku, quantity, unit_price_cents) VALUES (p_order, p_sku, p_qty, v_price);
    INSERT INTO payments (id, order_id, amount_cents, token, status) VALUES (p_payment, p_order, p_qty * v_price, p_token, 'CAPTURED');
    UPDATE orders SET status = 'CONFIRMED' WHERE id = p_order;
    UPDATE products SET reserved = reserved - p_qty, sold = sold + p_qty WHERE sku = p_sku;
    RETURN true;
  END $$;`;

export interface MonolithRound {
  ordersPerSecond: number;
  confirmed: number;
}

export class Monolith {
  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  static async create(url = BENCH_DATABASE_URL): Promise<Monolith> {
    await ensureDatabase(url);
    const schema = `bench_b12_${randomUUID().slice(0, 8)}`;
    // search_path per connection, so the statements stay plain and preparable once per connection.
    const pool = new Pool({ connectionString: url, max: MONOLITH_CONNECTIONS, options: `-c search_path=${schema}` });
    await pool.query(`CREATE SCHEMA ${schema}`);
    await pool.query(SCHEMA_SQL);
    return new Monolith(pool, schema);
  }

  private async placeOrder(db: PoolClient, sku: string, customerId: string): Promise<boolean> {
    const values = [randomUUID(), customerId, sku, 1, randomUUID(), 'tok_visa'];
    const { rows } = await db.query({ name: 'place-order', text: 'SELECT place_order($1, $2, $3, $4, $5, $6) AS ok', values });
    return rows[0].ok;
  }

  /** `orders` orders of one unit each against one product stocked for all of them, like a load round. */
  async round(orders: number): Promise<MonolithRound> {
    const sku = `MONO-${randomUUID().slice(0, 8)}`;
    await this.pool.query('INSERT INTO products (sku, price_cents, available) VALUES ($1, 100, $2)', [sku, orders]);
    const clients = await Promise.all(Array.from({ length: MONOLITH_CONNECTIONS }, () => this.pool.connect()));
    let next = 0;
    let confirmed = 0;
    const started = performance.now();
    try {
      // Each worker is one customer ordering one order after the other on its own connection.
      await Promise.all(
        clients.map(async (db) => {
          const customerId = randomUUID();
          while (next < orders) {
            next++;
            if (await this.placeOrder(db, sku, customerId)) confirmed++;
          }
        }),
      );
    } finally {
      clients.forEach((c) => c.release());
    }
    const seconds = (performance.now() - started) / 1000;
    await this.checkOracle(sku, orders, confirmed);
    return { ordersPerSecond: orders / seconds, confirmed };
  }

  /** The load generator's oracle, on the monolith's tables: stock balances, nothing held. */
  private async checkOracle(sku: string, initialStock: number, confirmed: number): Promise<void> {
    const { rows } = await this.pool.query(
      `SELECT p.available, p.reserved, p.sold,
        (SELECT count(*)::int FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN payments y ON y.order_id = o.id WHERE l.sku = p.sku AND o.status = 'CONFIRMED') AS paid
       FROM products p WHERE sku = $1`,
      [sku],
    );
    const p = rows[0];
    const ok = p.sold + p.available === initialStock && p.reserved === 0 && p.sold === confirmed && p.paid === confirmed && confirmed === initialStock;
    if (!ok) throw new Error(`monolith oracle failed: ${JSON.stringify({ ...p, confirmed, initialStock })}`);
  }

  async close(): Promise<void> {
    await this.pool.query(`DROP SCHEMA ${this.schema} CASCADE`);
    await this.pool.end();
  }
}
