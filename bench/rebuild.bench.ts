/**
 * B8: a rebuild of the read model from the event stores, events/s. Ours: rebuildReadModel (the
 * code behind `npm run rebuild -- read-model` and rebuildProjection) over four stores holding
 * 1,000,000 events (B8_EVENTS to change it): successor tables, the live projections' rules per
 * batch, catch-up, the swap under lock, the old tables dropped. Baseline (support/rebuild-raw.ts):
 * a cursor SELECT of the same events and batched upserts of the same rows into plain tables.
 * Both must leave the same rows (compared by digest). A database of its own (read_model is a
 * fixed schema name), created empty and dropped at the end.
 */
import './support/bench-namespace';
import { Pool } from 'pg';
import { EVENT_REGISTRY } from '@app/events';
import { EventStore } from '@app/event-store';
import { rebuildReadModel } from '../apps/consumers/src/projections/rebuild/read-model-rebuild';
import { ProjectorDb } from './support/projector-db';
import { rawRebuild } from './support/rebuild-raw';
import { fill, migrate } from './support/rebuild-stores';
import { report, sideBySide } from './support/report';

const ROUNDS = 2;
const EVENTS = Number(process.env.B8_EVENTS ?? 1_000_000);
const BATCH = 5000;
const DATABASE_URL = process.env.B8_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commerce_bench_rebuild';
const TABLES = ['event_log', 'order_view', 'payment_view', 'user_view'];

const database = new ProjectorDb(DATABASE_URL, 'read_model', 4);
const db = database.pool;
const store = (schema: string) => new EventStore(db, schema, EVENT_REGISTRY);
const stores = { users: store('users'), inventory: store('inventory'), orders: store('orders'), payments: store('payments') };

/** What a side left, table by table: row counts and a sum of row hashes (field_versions, the guards' bookkeeping, left out). */
const digest = async (schema: string) => {
  const columns: Record<string, string> = {
    event_log: 'event_id, stream_id, version, position, type, schema_version, payload, recorded_at',
    order_view: 'id, user_id, status, lines, total_cents, cancellation_reason, created_at, updated_at, version',
    payment_view: 'id, order_id, amount_cents, status, failure_reason, processed_at, version',
    user_view: 'id, email, name, role, registered_at, version',
  };
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await db.query(`SELECT count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) AS d FROM (SELECT ${columns[table]} FROM "${schema}"."${table}") t`);
    out[table] = rows[0].d;
  }
  return out;
};

const ours = async () => {
  const started = performance.now();
  const result = await rebuildReadModel({ db, stores, batchSize: BATCH });
  return result.events / ((performance.now() - started) / 1000);
};

const baseline = async () => {
  await db.query(`TRUNCATE ${TABLES.map((t) => `baseline."${t}"`).join(', ')}`);
  const started = performance.now();
  const events = await rawRebuild(db, 'baseline', BATCH);
  return events / ((performance.now() - started) / 1000);
};

const main = async () => {
  await database.recreate();
  try {
    await migrate(DATABASE_URL);
    console.log(`[bench] B8 writing ${EVENTS} events into the four stores (not timed)`);
    const filled = await fill(db, EVENTS);
    console.log(`[bench] B8 stores hold ${filled.users} users, ${filled.products} products, ${filled.orders} orders`);
    await db.query('CREATE SCHEMA baseline');
    for (const t of TABLES) await db.query(`CREATE TABLE baseline."${t}" (LIKE read_model."${t}" INCLUDING ALL)`);
    const b8 = await sideBySide('B8', ROUNDS, ours, baseline);
    const [mine, theirs] = [await digest('read_model'), await digest('baseline')];
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) throw new Error(`B8: the two sides left different rows: ours ${JSON.stringify(mine)}, baseline ${JSON.stringify(theirs)}`);
    console.log(`[bench] B8 both sides left the same rows: ${JSON.stringify(mine)}`);
    report('B8', b8.ours, b8.baseline, 0.7, 'events/s');
  } finally {
    await db.end();
    await database.drop();
  }
};

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
