import type { OracleInput, OracleResult } from './oracle';
import type { ProgressStream } from '../shared/progress';
import type { LatencySummary } from './stats';

export interface LoadOptions {
  url: string;
  customers: number;
  orders: number;
  /** default: one unit per order, so none ends OUT_OF_STOCK */
  stock?: number;
  timeoutMs?: number;
  adminEmail?: string;
  adminPassword?: string;
  /** stderr in the CLI; none by default, so a benchmark calling this in-process stays quiet */
  progress?: ProgressStream | null;
}

export interface LoadReport {
  runId: string;
  sku: string;
  customers: number;
  orders: number;
  initialStock: number;
  /** the ordering phase only: registration and setup are not load */
  wallMs: number;
  ordersPerSecond: number;
  createLatency: LatencySummary;
  finalLatency: LatencySummary;
  /** every latency measured, in ms, for callers that pool several runs (benchmarks) */
  samples: { create: number[]; final: number[] };
  confirmed: number;
  cancelled: number;
  cancelReasons: Record<string, number>;
  /** createOrder failed, or no final status before the deadline */
  nonFinal: number;
  createFailures: string[];
  /** created but not seen final by the deadline, with the last error seen while following */
  timedOut: { orderId: string; error: string | null }[];
  /** `fellBack`: why polling joined the subscription, counted by reason */
  followedBy: { subscription: number; polling: number; fellBack: Record<string, number> };
  socketsFailed: number;
  oracleInput: OracleInput;
  oracle: OracleResult;
}
