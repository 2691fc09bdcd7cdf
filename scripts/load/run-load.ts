import { randomUUID } from 'node:crypto';
import { Customer, type OrderOutcome } from './customer';
import { GraphQLClient } from '../gateway/graphql-client';
import { mapLimit } from './map-limit';
import type { LoadOptions, LoadReport } from './load-types';
import { evaluateOracle, type OracleInput, settledStock } from './oracle';
import { Progress } from '../shared/progress';
import { summarize, tally } from './stats';

export type { LoadOptions, LoadReport } from './load-types';

const REGISTER_CONCURRENCY = 4;
const LOGIN = `mutation L($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const ADD_PRODUCT = `mutation A($sku: ID!, $name: String!, $price: Int!, $stock: Int!) {
  addProduct(sku: $sku, name: $name, priceCents: $price, initialStock: $stock, consistency: PROJECTED) { version } }`;

// A bad argument from an in-process caller should fail here, not as a half-made run.
function checkOptions(o: LoadOptions): void {
  const minimum = { customers: 1, orders: 0, stock: 0, timeoutMs: 1 } as const;
  const bad = (Object.keys(minimum) as (keyof typeof minimum)[]).filter((k) => o[k] !== undefined && !(Number.isSafeInteger(o[k]) && o[k]! >= minimum[k]));
  if (bad.length) throw new RangeError(`invalid load options: ${bad.map((k) => `${k}=${o[k]}`).join(', ')}`);
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  checkOptions(options);
  const { customers: n, orders: m, timeoutMs = 60000 } = options;
  const initialStock = options.stock ?? m;
  const gql = new GraphQLClient(options.url);
  const runId = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`;
  const sku = `LOAD-${runId}`;

  const email = options.adminEmail ?? process.env.ADMIN_EMAIL ?? 'admin@example.com';
  const password = options.adminPassword ?? process.env.ADMIN_PASSWORD ?? 'admin12345';
  const admin = (await gql.request<{ login: { token: string } }>(LOGIN, { email, password })).login.token;
  const customers = await mapLimit(n, REGISTER_CONCURRENCY, (i) => Customer.register(gql, `load-${runId}-${i}@example.com`, `load-pw-${runId}`));
  await gql.request(ADD_PRODUCT, { sku, name: `Load test ${runId}`, price: 100, stock: initialStock }, admin);
  const connected = await Promise.all(customers.map((c) => c.connect()));

  const outcomes: OrderOutcome[] = [];
  const progress = new Progress(m, options.progress ?? null);
  progress.start();
  const started = performance.now();
  try {
    // Customer i gets every n-th order, so shares differ by at most one.
    await Promise.all(
      customers.map(async (customer, i) => {
        for (let k = i; k < m; k += n) {
          outcomes.push(await customer.placeOrder(sku, timeoutMs));
          progress.tick();
        }
      }),
    );
  } finally {
    progress.stop();
    await Promise.all(customers.map((c) => c.close()));
  }
  const wallMs = performance.now() - started;

  const final = outcomes.filter((o) => o.status !== null);
  const confirmed = final.filter((o) => o.status === 'CONFIRMED').length;
  const cancelReasons = tally(final.filter((o) => o.status === 'CANCELLED').map((o) => o.reason ?? 'UNKNOWN'));
  const createMs = outcomes.flatMap((o) => (o.createMs === null ? [] : [o.createMs]));
  const finalMs = final.map((o) => o.finalMs!);
  const stock = await settledStock(gql, admin, sku, confirmed, initialStock);
  const oracleInput: OracleInput = { initialStock, confirmedUnits: confirmed, ...stock, nonFinal: m - final.length };
  return {
    runId,
    sku,
    customers: n,
    orders: m,
    initialStock,
    wallMs,
    ordersPerSecond: wallMs > 0 ? final.length / (wallMs / 1000) : 0,
    createLatency: summarize(createMs),
    finalLatency: summarize(finalMs),
    samples: { create: createMs, final: finalMs },
    confirmed,
    cancelled: final.length - confirmed,
    cancelReasons,
    nonFinal: m - final.length,
    createFailures: outcomes.flatMap((o) => (o.createError === null ? [] : [o.createError])),
    timedOut: outcomes.flatMap((o) => (o.orderId !== null && o.status === null ? [{ orderId: o.orderId, error: o.followError }] : [])),
    followedBy: {
      subscription: final.filter((o) => o.via === 'subscription').length,
      polling: final.filter((o) => o.via === 'polling').length,
      fellBack: tally(outcomes.flatMap((o) => (o.fellBack ? [o.fellBack] : []))),
    },
    socketsFailed: connected.filter((ok) => !ok).length,
    oracleInput,
    oracle: evaluateOracle(oracleInput),
  };
}
