import { setTimeout as delay } from 'node:timers/promises';
import type { GraphQLClient } from '../gateway/graphql-client';

/**
 * The stock must balance once every order is final: each unit is either sold (a confirmed order
 * took it) or still available, and none stays held by a reservation.
 */
export interface OracleInput {
  initialStock: number;
  confirmedUnits: number;
  available: number;
  reserved: number;
  nonFinal: number;
}

export interface OracleResult {
  stockBalances: boolean;
  reservedZero: boolean;
  allFinal: boolean;
  ok: boolean;
}

export function evaluateOracle(input: OracleInput): OracleResult {
  const stockBalances = input.confirmedUnits + input.available === input.initialStock;
  const reservedZero = input.reserved === 0;
  const allFinal = input.nonFinal === 0;
  return { stockBalances, reservedZero, allFinal, ok: stockBalances && reservedZero && allFinal };
}

const mark = (ok: boolean) => (ok ? 'ok' : 'FAIL');

export const formatOracle = (input: OracleInput, result: OracleResult): string =>
  `ORACLE confirmed_units + available = initial_stock: ${mark(result.stockBalances)} ` +
  `(${input.confirmedUnits} + ${input.available} = ${input.initialStock}), ` +
  `reserved = 0: ${mark(result.reservedZero)}, non-final orders = 0: ${mark(result.allFinal)}`;

const PRODUCT = `query P($sku: ID!) { product(sku: $sku) { available reserved } }`;

export interface StockLevels {
  available: number;
  reserved: number;
}

/**
 * The product as the read model shows it once it has caught up: orders are final as soon as the
 * order stream says so, but releasing or settling their reservations reaches the product view a
 * little later. Polls until nothing is reserved and the stock balances, or until the deadline,
 * then answers the last reading: a genuine imbalance still shows, it only gets time to heal.
 */
export async function settledStock(gql: GraphQLClient, token: string, sku: string, confirmedUnits: number, initialStock: number, timeoutMs = 10000): Promise<StockLevels> {
  const deadline = performance.now() + timeoutMs;
  let last: StockLevels | null = null;
  for (;;) {
    const { product } = await gql.request<{ product: StockLevels | null }>(PRODUCT, { sku }, token);
    if (product) last = product;
    const settled = last !== null && last.reserved === 0 && last.available + confirmedUnits === initialStock;
    if (settled || performance.now() >= deadline) break;
    await delay(100);
  }
  if (!last) throw new Error(`product ${sku} is not readable`);
  return last;
}
