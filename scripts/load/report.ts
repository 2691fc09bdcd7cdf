import { formatOracle } from './oracle';
import type { LoadReport } from './load-types';
import { formatMs, type LatencySummary } from './stats';

const counts = (byKey: Record<string, number>) =>
  Object.entries(byKey)
    .sort(([, a], [, b]) => b - a)
    .map(([key, count]) => `${key} ${count}`)
    .join(', ');

const latency = (s: LatencySummary) => `p50=${formatMs(s.p50)} p90=${formatMs(s.p90)} p99=${formatMs(s.p99)} (n=${s.count})`;

/** The human report, then the ORACLE line, then one LOAD line for benchmarks to parse. */
export function formatReport(r: LoadReport): string[] {
  const reasons = counts(r.cancelReasons);
  const fellBack = Object.values(r.followedBy.fellBack).reduce((a, b) => a + b, 0);
  const lines = [
    `run ${r.runId}: ${r.customers} customers, ${r.orders} orders, sku ${r.sku}, initial stock ${r.initialStock}`,
    `orders/s: ${r.ordersPerSecond.toFixed(1)} (${r.confirmed + r.cancelled} final orders in ${(r.wallMs / 1000).toFixed(2)} s)`,
    `createOrder latency ms: ${latency(r.createLatency)}`,
    `create-to-final latency ms: ${latency(r.finalLatency)}`,
    `CONFIRMED: ${r.confirmed}`,
    `CANCELLED: ${r.cancelled}${reasons ? ` (${reasons})` : ''}`,
    `left non-final: ${r.nonFinal} (createOrder failed: ${r.createFailures.length}, no final status within the timeout: ${r.timedOut.length})`,
    `final status seen by: subscription ${r.followedBy.subscription}, polling ${r.followedBy.polling}` +
      ` (polling joined for ${fellBack} orders${r.socketsFailed ? `, ${r.socketsFailed} customers had no websocket` : ''})`,
  ];
  if (fellBack) lines.push(`  polling joined because: ${counts(r.followedBy.fellBack)}`);
  // The first few are enough to tell one cause from several.
  for (const failure of [...new Set(r.createFailures)].slice(0, 3)) lines.push(`  createOrder error: ${failure}`);
  for (const stuck of r.timedOut.slice(0, 3)) lines.push(`  not final: order ${stuck.orderId}${stuck.error ? ` (last error: ${stuck.error})` : ''}`);
  lines.push(formatOracle(r.oracleInput, r.oracle));
  lines.push(
    `LOAD orders_per_s=${r.ordersPerSecond.toFixed(2)}` +
      ` create_p50_ms=${formatMs(r.createLatency.p50)} create_p90_ms=${formatMs(r.createLatency.p90)} create_p99_ms=${formatMs(r.createLatency.p99)}` +
      ` final_p50_ms=${formatMs(r.finalLatency.p50)} final_p90_ms=${formatMs(r.finalLatency.p90)} final_p99_ms=${formatMs(r.finalLatency.p99)}` +
      ` oracle=${r.oracle.ok ? 'ok' : 'fail'}`,
  );
  return lines;
}
