import type { Pool, PoolClient } from 'pg';
import { STORES } from './rebuild-stores';

type Row = unknown[];
interface Stored { position: string; stream_id: string; stream_version: number; event_id: string; event_type: string; schema_version: number; payload: string; metadata: string; recorded_at: string }

const upsert = (table: string, columns: string[], types: string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})
   ON CONFLICT (id) DO UPDATE SET ${columns.slice(1).map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;
const transpose = (rows: Row[], width: number) => Array.from({ length: width }, (_, i) => rows.map((r) => r[i]));

/**
 * B8's baseline: the fastest plain way to rebuild the same tables from the same stores. One
 * cursor per store (FETCH in batches), rows folded in memory, and per batch one multi-row insert
 * of the event log and one multi-row upsert per view of the rows the batch touched. No guards, no
 * successor tables, no swap, no progress: what a one-off script would do. `schema` holds tables
 * like the read model's (no triggers).
 */
export const rawRebuild = async (pool: Pool, schema: string, batch: number): Promise<number> => {
  const [reader, writer] = [await pool.connect(), await pool.connect()];
  const t = (name: string) => `"${schema}"."${name}"`;
  const users = new Map<string, Row>();
  const orders = new Map<string, Row>();
  const payments = new Map<string, Row>();
  const statements = {
    log: `INSERT INTO ${t('event_log')} (event_id, stream_id, version, position, type, schema_version, payload, metadata, recorded_at)
      SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[], $9::timestamptz[])`,
    users: upsert(t('user_view'), ['id', 'email', 'name', 'role', 'registered_at', 'version'], ['uuid', 'text', 'text', 'text', 'timestamptz', 'int']),
    orders: upsert(t('order_view'), ['id', 'user_id', 'status', 'lines', 'total_cents', 'cancellation_reason', 'created_at', 'updated_at', 'version'], ['uuid', 'uuid', 'text', 'jsonb', 'int', 'text', 'timestamptz', 'timestamptz', 'int']),
    payments: upsert(t('payment_view'), ['id', 'order_id', 'amount_cents', 'status', 'failure_reason', 'processed_at', 'version'], ['uuid', 'uuid', 'int', 'text', 'text', 'timestamptz', 'int']),
  };
  let count = 0;
  try {
    await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    for (const store of STORES) {
      await reader.query(`DECLARE c CURSOR FOR SELECT position::text, stream_id, stream_version, event_id, event_type, schema_version, payload::text, metadata::text, recorded_at::text FROM "${store}".events ORDER BY position`);
      for (;;) {
        const { rows } = await reader.query<Stored>(`FETCH ${batch} FROM c`);
        if (rows.length === 0) break;
        count += rows.length;
        await apply(writer, statements, rows, { users, orders, payments });
      }
      await reader.query('CLOSE c');
    }
    await reader.query('COMMIT');
    return count;
  } finally {
    reader.release();
    writer.release();
  }
};

const apply = async (db: PoolClient, statements: Record<'log' | 'users' | 'orders' | 'payments', string>, rows: Stored[], maps: Record<'users' | 'orders' | 'payments', Map<string, Row>>) => {
  const touched = { users: new Set<string>(), orders: new Set<string>(), payments: new Set<string>() };
  for (const e of rows) {
    const p = JSON.parse(e.payload);
    const at = e.recorded_at;
    if (e.event_type === 'UserRegistered') maps.users.set(p.userId, [p.userId, p.email, p.name, p.role, at, e.stream_version]) && touched.users.add(p.userId);
    else if (e.event_type === 'OrderCreated') {
      maps.orders.set(p.orderId, [p.orderId, p.userId, 'PENDING', JSON.stringify(p.lines.map((l: object) => ({ ...l, unitPriceCents: null }))), null, null, at, at, e.stream_version]);
      touched.orders.add(p.orderId);
    } else if (e.event_type.startsWith('Order')) {
      const o = maps.orders.get(p.orderId)!;
      if (e.event_type === 'OrderAwaitingPayment') [o[2], o[3], o[4]] = ['AWAITING_PAYMENT', JSON.stringify(p.lines), p.totalCents];
      else if (e.event_type === 'OrderConfirmed') [o[2], o[4]] = ['CONFIRMED', p.totalCents];
      else if (e.event_type === 'OrderCancelled') [o[2], o[5]] = ['CANCELLED', p.reason];
      [o[7], o[8]] = [at, e.stream_version];
      touched.orders.add(p.orderId);
    } else if (e.event_type === 'PaymentProcessed' || e.event_type === 'PaymentFailed') {
      const failed = e.event_type === 'PaymentFailed';
      maps.payments.set(p.paymentId, [p.paymentId, p.orderId, p.amountCents, failed ? 'FAILED' : 'PROCESSED', failed ? p.reason : null, at, e.stream_version]);
      touched.payments.add(p.paymentId);
    }
  }
  const column = <T>(f: (e: Stored) => T) => rows.map(f);
  await db.query(statements.log, [
    column((e) => e.event_id), column((e) => e.stream_id), column((e) => e.stream_version), column((e) => e.position), column((e) => e.event_type),
    column((e) => e.schema_version), column((e) => e.payload), column((e) => e.metadata), column((e) => e.recorded_at),
  ]);
  for (const [name, width] of [['users', 6], ['orders', 9], ['payments', 7]] as const) {
    if (touched[name].size) await db.query(statements[name], transpose([...touched[name]].map((id) => maps[name].get(id)!), width));
  }
};
