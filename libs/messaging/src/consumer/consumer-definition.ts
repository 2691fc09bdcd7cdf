import type { EntityManager } from 'typeorm';
import { namespaced } from '@app/config/namespace';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

/** One consumer: its own Kafka consumer group, dead-letter topic and idempotency records. */
export interface ConsumerDefinition {
  /** The key of its `processed_events` rows, and the name in logs and dead-letter headers. */
  readonly name: string;
  /** In this environment's namespace (see NAMESPACE): `groupId` as given to defineConsumer, prefixed. */
  readonly groupId: string;
  readonly clientId: string;
  /** Binds handlers to this consumer's server (see ConsumerPattern). */
  readonly transportId: symbol;
  readonly retry: RetryPolicy;
  /**
   * Runs first in each of its transactions, before the idempotency claim: e.g. an event store's
   * `lockForAppend`, which must come before the transaction's first write.
   */
  readonly beginTransaction?: (em: EntityManager) => Promise<void>;
  /**
   * For a consumer nobody waits on (off an order's path to CONFIRMED): a batch that reached its
   * partition's end waits this long before it is applied, so what arrives meanwhile comes in the
   * next fetch whole. Its work then comes in fewer, larger runs (fewer transactions per event under
   * load), and it does not compete, in the same process and on the same cores, with the consumers
   * an order is waiting for. At idle it costs nothing (the fetch long-polls like any other).
   */
  readonly lingerMs?: number;
  /**
   * How long one event's handler may take before it counts as a failed attempt (retried, then
   * dead-lettered): a handler awaiting something that never answers would otherwise hold its
   * partition forever while the runtime keeps heartbeating. SQL is bounded by the statement
   * timeout too (PG_STATEMENT_TIMEOUT_MS).
   */
  readonly handlerBudgetMs: number;
  /**
   * Most events applied in one transaction (MAX_EVENTS_PER_TRANSACTION unless set): bounds its
   * locks, its duration and a rollback's cost. A consumer whose transaction holds only its claims
   * (its writes go elsewhere, in one request per run) may take more: fewer, bigger requests.
   */
  readonly maxEventsPerRun: number;
}

/** Events applied in one transaction at most, by default: bounds its locks, its duration and a rollback's cost. */
export const MAX_EVENTS_PER_TRANSACTION = 200;

export const DEFAULT_HANDLER_BUDGET_MS = 30_000;

// The group id becomes part of a topic name (`<group>.dlq`), so it must be a valid one.
const KAFKA_NAME = /^[a-zA-Z0-9._-]{1,200}$/;

export const defineConsumer = (options: {
  name: string;
  groupId?: string;
  clientId?: string;
  retry?: Partial<RetryPolicy>;
  beginTransaction?: (em: EntityManager) => Promise<void>;
  lingerMs?: number;
  handlerBudgetMs?: number;
  maxEventsPerRun?: number;
}): ConsumerDefinition => {
  const { name, clientId = name, beginTransaction, lingerMs, handlerBudgetMs = DEFAULT_HANDLER_BUDGET_MS, maxEventsPerRun = MAX_EVENTS_PER_TRANSACTION } = options;
  const groupId = namespaced(options.groupId ?? name);
  if (!KAFKA_NAME.test(groupId)) throw new Error(`invalid consumer group id: ${groupId}`);
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  if (!Number.isInteger(retry.attempts) || retry.attempts < 1) throw new Error(`${name}: retry.attempts must be a positive integer`);
  if (!Number.isInteger(maxEventsPerRun) || maxEventsPerRun < 1) throw new Error(`${name}: maxEventsPerRun must be a positive integer`);
  return { name, groupId, clientId, transportId: Symbol(`consumer:${name}`), retry, beginTransaction, lingerMs, handlerBudgetMs, maxEventsPerRun };
};
