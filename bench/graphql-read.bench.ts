/**
 * B11: `order(id)` with its lines and payment through the real gateway (Nest + Apollo, built
 * into dist/ and run as `npm start` runs it), vs the same read on a bare node:http route
 * (bench/support/graphql-baseline-server.ts: same JWT check, same SQL, same pool size, same JSON).
 * Both are processes of their own, fed by the same keep-alive client at the same concurrency,
 * with the same customer's token and ids spread over that customer's orders. Rate = req/s.
 * Target: ours >= 0.25x the baseline. B11_CPU_PROF=1 writes the gateway's CPU profile to
 * .stack/bench-logs/ (read it in Chrome's DevTools or speedscope).
 */
import './support/bench-namespace';
import { deepStrictEqual } from 'node:assert';
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { loadConfig } from '@app/config';
import { TokenService } from '../apps/gateway/src/auth/token.service';
import { loadGatewaySettings } from '../apps/gateway/src/gateway-settings';
import { runChild } from '../scripts/run-child';
import { ROOT } from '../scripts/stack/paths';
import { waitFor } from '../test/support/wait-for';
import { loadClient, type PreparedRequest } from './support/graphql-load';
import { dropDatabase, seedReadModel } from './support/graphql-seed';
import { report, sideBySide } from './support/report';
import { noRevocations } from '../test/support/tokens';

const ROUNDS = 5;
const SECONDS = 5;
const CONCURRENCY = 16;
const ORDERS = 2000;
const DATABASE_URL = process.env.B11_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commerce_bench_gateway';
const LOG_DIR = join(ROOT, '.stack', 'bench-logs');
// Every field of Order and Payment a client's order page shows (not `user`: the caller is its owner).
const QUERY = `query Order($id: ID!) {
  order(id: $id) {
    id userId status lines { sku quantity unitPriceCents } totalCents cancellationReason createdAt updatedAt version
    payment { id orderId amountCents status failureReason processedAt }
  }
}`;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const spawnLogged = (name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess => {
  const log = createWriteStream(join(LOG_DIR, `b11-${name}.log`), { flags: 'w' });
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
};

const healthy = (name: string, child: ChildProcess, port: number) =>
  waitFor(`${name} to be healthy (log: .stack/bench-logs/b11-${name}.log)`, async () => {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    return (await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) })).ok;
  }, { timeoutMs: 90000, intervalMs: 250 });

const stop = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await waitFor('a B11 process to exit', () => child.exitCode !== null || child.signalCode !== null, { timeoutMs: 30000 });
};

const main = async () => {
  mkdirSync(LOG_DIR, { recursive: true });
  console.log(`[bench] B11 seeding ${ORDERS} orders of one customer into ${new URL(DATABASE_URL).pathname.slice(1)}`);
  const customer = await seedReadModel(DATABASE_URL, ORDERS);
  console.log('[bench] B11 building the apps (tsc -p tsconfig.build.json)');
  if ((await runChild(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT })) !== 0) throw new Error('build failed');
  const [gatewayPort, baselinePort] = [await freePort(), await freePort()];
  // --cpu-prof writes on a clean exit only: Nest's shutdown hook re-raises SIGTERM, so exit first.
  const profile = process.env.B11_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', LOG_DIR, '--import', "data:text/javascript,process.once('SIGTERM',()=>process.exit(0))"] : [];
  const gateway = spawnLogged('gateway', [...profile, '-r', 'tsconfig-paths/register', join('dist', 'apps', 'gateway', 'src', 'main.js')], { DATABASE_URL, GATEWAY_PORT: String(gatewayPort), TS_NODE_BASEURL: './dist' });
  const baseline = spawnLogged('baseline', ['--import', 'tsx', join('bench', 'support', 'graphql-baseline-server.ts')], { DATABASE_URL, PORT: String(baselinePort) });
  try {
    console.log('[bench] B11 waiting for the gateway and the baseline server');
    await Promise.all([healthy('gateway', gateway, gatewayPort), healthy('baseline', baseline, baselinePort)]);
    // The token the gateway's own login would issue this customer.
    const token = new TokenService(loadConfig(), loadGatewaySettings(), noRevocations).issue({ id: customer.userId, role: 'CUSTOMER', email: customer.email });
    const authorization = `Bearer ${token}`;
    const ok = (status: number, body: string) => status === 200 && body.startsWith('{"data":{"order":{"id":"');
    const graphql = (id: string): PreparedRequest => {
      const body = Buffer.from(JSON.stringify({ operationName: 'Order', query: QUERY, variables: { id } }));
      return { method: 'POST', path: '/graphql', headers: { authorization, 'content-type': 'application/json', 'content-length': String(body.length) }, body };
    };
    const ours = loadClient({ port: gatewayPort, requests: customer.orderIds.map(graphql), ok }, CONCURRENCY);
    const bare = loadClient({ port: baselinePort, requests: customer.orderIds.map((id) => ({ method: 'GET', path: `/orders/${id}`, headers: { authorization } })), ok }, CONCURRENCY);
    try {
      for (let i = 0; i < 50; i++) deepStrictEqual(JSON.parse(await bare.fetch(i)), JSON.parse(await ours.fetch(i)), `order ${customer.orderIds[i]}: the two answers differ`);
      console.log(`[bench] B11 both answer the same JSON; ${ROUNDS} rounds of ${SECONDS} s each side, ${CONCURRENCY} requests in flight`);
      const b11 = await sideBySide('B11', ROUNDS, () => ours.run(SECONDS), () => bare.run(SECONDS));
      report('B11', b11.ours, b11.baseline, 0.25, 'req/s');
    } finally {
      ours.close();
      bare.close();
    }
  } finally {
    await Promise.all([stop(gateway), stop(baseline)]);
    await dropDatabase(DATABASE_URL);
  }
};

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
