/**
 * B12: sustained orders/s end to end. Ours: the whole system (the five apps as processes from
 * dist/, as `npm start` runs them) driven by the load generator at saturation, every round's
 * oracle holding and every order CONFIRMED. Baseline: a monolith doing the same business outcome
 * (check and reserve stock, store the order and the payment, confirm) as one PostgreSQL
 * transaction per order through raw `pg`, 8 connections, same machine, same run.
 * Target: ours >= 0.03x the baseline's orders/s (higher is better).
 * B12_CUSTOMERS=20,40,80 sets the concurrencies tried; the fastest is the one measured.
 */
import './support/bench-namespace';
import { join } from 'node:path';
import { runChild } from '../scripts/run-child';
import { ensureDatabase } from '../scripts/stack/postgres';
import { ROOT } from '../scripts/stack/paths';
import { formatReport } from '../scripts/load/report';
import { runLoad } from '../scripts/load/run-load';
import { System } from '../test/support/system';
import { Monolith } from './support/monolith-orders';
import { median } from './support/report';

const ROUNDS = 3;
const ORDERS_PER_ROUND = 400;
const WARM_UP_ORDERS = 150;
const MONOLITH_ORDERS_PER_ROUND = 6000;
const CUSTOMERS = (process.env.B12_CUSTOMERS ?? '20,40,80').split(',').map(Number);
// A database of B12's own (the System helper insists on a *_test one), so B9 or a test run never shares it.
const DATABASE_URL = process.env.B12_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commerce_bench_b12_test';
process.env.DATABASE_URL = DATABASE_URL;

/** One load round; its figure only counts with the oracle holding and every order confirmed. */
const oursRound = async (system: System, customers: number, orders = ORDERS_PER_ROUND): Promise<number> => {
  console.log(`[bench] B12 ours: ${customers} customers, ${orders} orders`);
  const load = await runLoad({ url: system.gatewayUrl, customers, orders, progress: process.stderr });
  if (!load.oracle.ok || load.confirmed !== orders) {
    throw new Error(`B12 load round failed, its orders/s do not count:\n${formatReport(load).join('\n')}`);
  }
  const [c, f] = [load.createLatency, load.finalLatency];
  console.log(
    `[bench] B12 ours: ${load.ordersPerSecond.toFixed(1)} orders/s with ${customers} customers ` +
      `(createOrder p50 ${c.p50?.toFixed(0)} ms; create-to-CONFIRMED p50 ${f.p50?.toFixed(0)} ms, p99 ${f.p99?.toFixed(0)} ms)`,
  );
  return load.ordersPerSecond;
};

const monolithRound = async (monolith: Monolith): Promise<number> => {
  const { ordersPerSecond } = await monolith.round(MONOLITH_ORDERS_PER_ROUND);
  console.log(`[bench] B12 baseline: ${ordersPerSecond.toFixed(0)} orders/s (${MONOLITH_ORDERS_PER_ROUND} orders, oracle ok)`);
  return ordersPerSecond;
};

const main = async () => {
  await ensureDatabase(DATABASE_URL);
  const monolith = await Monolith.create();
  const system = new System({ DATABASE_URL, PAYMENT_DEADLINE_MS: '120000' });
  try {
    console.log('[bench] B12 building the apps (tsc -p tsconfig.build.json)');
    if ((await runChild(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT })) !== 0) throw new Error('build failed');
    console.log('[bench] B12 starting the five apps');
    await system.start();
    // Not measured: a fresh system is cold (JIT, pools, consumer groups joining).
    await oursRound(system, CUSTOMERS[0], WARM_UP_ORDERS);
    // Saturation: the concurrency with the most orders/s.
    const sweep: [number, number][] = [];
    for (const customers of CUSTOMERS) sweep.push([customers, await oursRound(system, customers)]);
    const [best] = sweep.reduce((a, b) => (b[1] > a[1] ? b : a));
    console.log(`[bench] B12 sweep: ${sweep.map(([c, r]) => `${c} customers ${r.toFixed(1)}/s`).join(', ')}; measuring at ${best} customers`);
    await monolithRound(monolith); // warm-up, not measured
    // Alternating rounds, so drift on a shared machine hits both sides alike.
    const ours: number[] = [];
    const baseline: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      ours.push(await oursRound(system, best));
      baseline.push(await monolithRound(monolith));
      console.log(`[bench] B12 round ${round}/${ROUNDS}: ours ${ours.at(-1)!.toFixed(1)} orders/s, baseline ${baseline.at(-1)!.toFixed(0)} orders/s`);
    }
    const [o, b] = [median(ours), median(baseline)];
    console.log(`[bench] B12 orders/s: ours ${ours.map((x) => x.toFixed(1)).join(' ')} (${best} customers) | baseline ${baseline.map(Math.round).join(' ')}`);
    // Three decimals: at these magnitudes two would round the ratio onto or off the target.
    console.log(`BENCH B12 ours=${o.toFixed(1)} baseline=${b.toFixed(0)} ratio=${(o / b).toFixed(3)} target=0.03`);
  } finally {
    await system.stop();
    await monolith.close();
  }
};

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
