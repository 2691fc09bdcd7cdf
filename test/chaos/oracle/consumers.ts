/**
 * The consumer groups whose effects the oracle checks: the name their processed_events rows
 * carry, the schema those rows are in, and the event topics (without namespace) they read.
 * Mirrors apps/consumers/src/consumers.ts and apps/order/src/sagas/order-saga.consumer.ts: a
 * consumer added there and not here goes unchecked, so add it here too.
 */
export interface ConsumerSpec {
  name: string;
  group: string;
  schema: 'inventory' | 'orders';
  topics: readonly string[];
}

export const CONSUMERS: readonly ConsumerSpec[] = [
  { name: 'projections', group: 'consumers.projections', schema: 'inventory', topics: ['users', 'orders', 'payments', 'inventory'] },
  { name: 'notifications', group: 'consumers.notifications', schema: 'inventory', topics: ['users', 'orders', 'payments'] },
  { name: 'analytics', group: 'consumers.analytics', schema: 'inventory', topics: ['users', 'orders'] },
  { name: 'search', group: 'consumers.search', schema: 'inventory', topics: ['users', 'inventory', 'orders'] },
  { name: 'inventory', group: 'consumers.inventory', schema: 'inventory', topics: ['orders'] },
  { name: 'order-saga', group: 'order.saga', schema: 'orders', topics: ['inventory'] },
  { name: 'order-saga-payments', group: 'order.saga.payments', schema: 'orders', topics: ['payments'] },
  { name: 'order-saga-orders', group: 'order.saga.orders', schema: 'orders', topics: ['orders'] },
];

export const CLAIM_SCHEMAS = [...new Set(CONSUMERS.map((c) => c.schema))];

export const groupOf = (namespace: string, c: ConsumerSpec): string => `${namespace}.${c.group}`;
export const topicsOf = (namespace: string, c: ConsumerSpec): string[] => c.topics.map((t) => `${namespace}.${t}.events`);
