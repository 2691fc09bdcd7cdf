import { isDeepStrictEqual } from 'node:util';
import { Client, Pool } from 'pg';
import { ensureDatabase } from '../../scripts/stack/postgres';

/**
 * B7's database. read_model is a fixed schema name, so B7 has a database of its own (like B11),
 * created empty and dropped at the end; processed_events lives in `schema`.
 */
export class ProjectorDb {
  readonly pool: Pool;
  private reference: unknown;

  constructor(
    private readonly url: string,
    private readonly schema: string,
    poolSize: number,
  ) {
    this.pool = new Pool({ connectionString: url, max: poolSize });
    // pool.end() resolves before its sockets close; drop()'s FORCE may reach one and kill it.
    this.pool.on('error', () => undefined);
  }

  async recreate(): Promise<void> {
    await this.drop();
    await ensureDatabase(this.url);
  }

  async drop(): Promise<void> {
    const admin = new Client({ connectionString: Object.assign(new URL(this.url), { pathname: '/postgres' }).toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(this.url).pathname.slice(1)}" WITH (FORCE)`).finally(() => admin.end());
  }

  /** Empty tables: every run makes the same inserts and claims, none a no-op on an earlier run's rows. */
  async truncate(): Promise<void> {
    await this.pool.query(`TRUNCATE read_model.order_view, read_model.payment_view, read_model.event_log, "${this.schema}".processed_events`);
  }

  /** Every event applied, and the same rows (compared by digest) as the first run left. */
  async verify(side: string, orders: number, events: number): Promise<void> {
    const {
      rows: [digest],
    } = await this.pool.query(`SELECT
      (SELECT count(*) FROM read_model.order_view WHERE status = 'CONFIRMED')::int AS confirmed,
      (SELECT count(*) FROM read_model.payment_view)::int AS payments,
      (SELECT count(*) FROM read_model.event_log)::int AS logged,
      (SELECT count(*) FROM "${this.schema}".processed_events)::int AS claims,
      (SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM read_model.order_view t) AS orders_md5,
      (SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM read_model.payment_view t) AS payments_md5,
      (SELECT md5(string_agg(t::text, '|' ORDER BY t.event_id)) FROM read_model.event_log t) AS log_md5`);
    const expected = { confirmed: orders, payments: orders, logged: events, claims: events };
    for (const [k, n] of Object.entries(expected)) if (digest[k] !== n) throw new Error(`${side}: ${k} = ${digest[k]}, expected ${n}`);
    if (this.reference !== undefined && !isDeepStrictEqual(digest, this.reference)) throw new Error(`${side}: the read model differs from the first run's`);
    this.reference ??= digest;
  }
}
