/**
 * B9: create-to-CONFIRMED latency of single orders (one customer, one order at a time) on the
 * idle whole system, the apps running as processes from dist/ as `npm start` runs them, vs a
 * baseline chain of the same number of sequential hops, each a plain kafkajs produce (acks=all)
 * -> consume, plus one autocommit PostgreSQL INSERT. The order's hops: the createOrder command,
 * OrderCreated -> inventory, InventoryReserved -> saga, the ProcessPayment command,
 * PaymentProcessed -> saga, OrderConfirmed -> read model and the live update: six.
 * Targets: p50 <= 2x and p99 <= 3x the baseline's (lower is better).
 */
import './support/bench-namespace';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { runChild } from '../scripts/run-child';
import { ensureDatabase } from '../scripts/stack/postgres';
import { ROOT } from '../scripts/stack/paths';
import { runLoad } from '../scripts/load/run-load';
import { percentile } from '../scripts/load/stats';
import { System } from '../test/support/system';

const ROUNDS = 3;
const ORDERS_PER_ROUND = 30;
const HOPS = 6;
const WARM_UP_ORDERS = 300;
// The system under test gets a database of its own (the System helper insists on a *_test one).
const DATABASE_URL = process.env.B9_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commerce_bench_test';
process.env.DATABASE_URL = DATABASE_URL;
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** One chain: HOPS sequential produce -> consume -> INSERT, timed end to end. */
const baselineChains = async (count: number): Promise<number[]> => {
  const kafka = new Kafka({ clientId: 'bench-b9', brokers: BROKERS, logLevel: logLevel.NOTHING });
  const topic = `bench.b9.${randomUUID().slice(0, 8)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  const pool = new Pool({ connectionString: DATABASE_URL, max: 2 });
  await pool.query('CREATE TABLE IF NOT EXISTS bench_b9_hops (chain uuid, hop int, at timestamptz DEFAULT now())');
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `bench-b9-${randomUUID().slice(0, 8)}` });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  const done = new Map<string, () => void>();
  await consumer.run({
    eachMessage: async ({ message }) => {
      const [chain, hop] = message.value!.toString().split(':');
      await pool.query({ name: 'b9-hop', text: 'INSERT INTO bench_b9_hops (chain, hop) VALUES ($1, $2)', values: [chain, Number(hop)] });
      if (Number(hop) < HOPS) await producer.send({ topic, acks: -1, messages: [{ key: chain, value: `${chain}:${Number(hop) + 1}` }] });
      else done.get(chain)?.();
    },
  });
  const latencies: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const chain = randomUUID();
      const finished = new Promise<void>((resolve) => done.set(chain, resolve));
      const started = performance.now();
      await producer.send({ topic, acks: -1, messages: [{ key: chain, value: `${chain}:1` }] });
      await finished;
      latencies.push(performance.now() - started);
    }
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    await pool.query('DROP TABLE bench_b9_hops');
    await pool.end();
  }
  return latencies;
};

const line = (name: string, ours: number, baseline: number, target: number) =>
  console.log(`BENCH ${name} ours=${ours.toFixed(1)}ms baseline=${baseline.toFixed(1)}ms ratio=${(ours / baseline).toFixed(2)} target<=${target}`);

const main = async () => {
  await ensureDatabase(DATABASE_URL);
  console.log('[bench] B9 building the apps (tsc -p tsconfig.build.json)');
  if ((await runChild(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT })) !== 0) throw new Error('build failed');
  console.log('[bench] B9 starting the five apps');
  const system = new System({ DATABASE_URL, PAYMENT_DEADLINE_MS: '30000' });
  await system.start();
  const ours: number[] = [];
  const baseline: number[] = [];
  try {
    // Warm-up, not measured: "idle" means a system that has been running, not one whose JITs
    // (Node's, Kafka's and Elasticsearch's JVMs) meet their first orders; 5 orders left the first
    // rounds 1.5x slower than later ones.
    console.log(`[bench] B9 warming up with ${WARM_UP_ORDERS} orders`);
    await runLoad({ url: system.gatewayUrl, customers: 4, orders: WARM_UP_ORDERS });
    await baselineChains(30);
    for (let round = 1; round <= ROUNDS; round++) {
      const report = await runLoad({ url: system.gatewayUrl, customers: 1, orders: ORDERS_PER_ROUND });
      if (!report.oracle.ok || report.confirmed !== ORDERS_PER_ROUND) throw new Error(`round ${round}: not every order was confirmed (${report.confirmed}/${ORDERS_PER_ROUND})`);
      ours.push(...report.samples.final);
      baseline.push(...(await baselineChains(ORDERS_PER_ROUND)));
      console.log(`[bench] B9 round ${round}/${ROUNDS}: ours p50 ${percentile(ours, 50)!.toFixed(0)} ms, baseline p50 ${percentile(baseline, 50)!.toFixed(0)} ms`);
    }
  } finally {
    await system.stop();
  }
  line('B9-p50', percentile(ours, 50)!, percentile(baseline, 50)!, 2);
  line('B9-p99', percentile(ours, 99)!, percentile(baseline, 99)!, 3);
};

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
