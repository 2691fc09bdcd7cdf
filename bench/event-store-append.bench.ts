/**
 * B1: one-event append with expected version, vs one autocommit single-row INSERT (a prepared
 * statement): the fastest raw way to make the same row durable.
 * B2: a 100-event append, vs one autocommit multi-row INSERT of the same 100 rows.
 * Both sides write the same payloads into tables of the same shape (the event store's first
 * migration), in their own schemas of a bench database, one connection each, sequentially.
 */
// First: development mode, before any module reads the settings.
import '../scripts/dev-mode';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EVENT_REGISTRY, OrderCreated } from '@app/events';
import { EventStore } from '@app/event-store';
import { BENCH_DATABASE_URL, benchSchema, dropSchemas } from './support/bench-db';
import { ratePerSecond, report, sideBySide } from './support/report';

const ROUNDS = 5;
const B1_OPS = 1000;
const B2_OPS = 100;
const META = { correlationId: randomUUID(), causationId: null, userId: randomUUID() };
const order = () =>
  new OrderCreated({ orderId: randomUUID(), userId: META.userId, lines: [{ sku: 'SKU-1', quantity: 2 }, { sku: 'SKU-2', quantity: 1 }, { sku: 'SKU-3', quantity: 5 }] });

const main = async () => {
  const ours = await benchSchema('bench_ours');
  const base = await benchSchema('bench_base', 1);
  const pool = new Pool({ connectionString: BENCH_DATABASE_URL, max: 1 });
  const store = new EventStore(pool, ours, EVENT_REGISTRY);
  const metadata = JSON.stringify(META);
  const insertRows = async (rows: number) => {
    const values: string[] = [];
    const params: unknown[] = [`order-${randomUUID()}`, metadata];
    for (let v = 1; v <= rows; v++) {
      const e = order();
      params.push(v, randomUUID(), e.type, JSON.stringify(e.payload));
      const i = params.length;
      values.push(`($1, $${i - 3}, $${i - 2}, $${i - 1}, 1, $${i}, $2)`);
    }
    // One statement is its own transaction: no BEGIN/COMMIT round trips to handicap it.
    await pool.query({
      name: `base-insert-${rows}`,
      text: `INSERT INTO "${base}".events (stream_id, stream_version, event_id, event_type, schema_version, payload, metadata) VALUES ${values.join(',')}`,
      values: params,
    });
  };
  try {
    const b1 = await sideBySide(
      'B1',
      ROUNDS,
      () => ratePerSecond(B1_OPS, async () => {
        for (let i = 0; i < B1_OPS; i++) await store.append(`order-${randomUUID()}`, 0, [order()], { metadata: META });
      }),
      () => ratePerSecond(B1_OPS, async () => {
        for (let i = 0; i < B1_OPS; i++) await insertRows(1);
      }),
    );
    report('B1', b1.ours, b1.baseline, 0.7, 'appends/s');

    const b2 = await sideBySide(
      'B2',
      ROUNDS,
      () => ratePerSecond(B2_OPS * 100, async () => {
        for (let i = 0; i < B2_OPS; i++) await store.append(`order-${randomUUID()}`, 0, Array.from({ length: 100 }, order), { metadata: META });
      }),
      () => ratePerSecond(B2_OPS * 100, async () => {
        for (let i = 0; i < B2_OPS; i++) await insertRows(100);
      }),
    );
    report('B2', b2.ours, b2.baseline, 0.8, 'events/s');
  } finally {
    await dropSchemas(pool, [ours, base]);
    await pool.end();
  }
};

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
