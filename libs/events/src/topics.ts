import { namespaced } from '@app/config/namespace';

/**
 * The project's Kafka topics, in this environment's namespace (see NAMESPACE), one per bounded context, and their partition counts. Automatic
 * topic creation is off on our brokers, so these are created explicitly (by the local stack and
 * at app start). Partitions bound consumer parallelism per group; per-aggregate order holds
 * because the key is the aggregate id.
 */
export const TOPICS = {
  users: namespaced('users.events'),
  orders: namespaced('orders.events'),
  payments: namespaced('payments.events'),
  inventory: namespaced('inventory.events'),
  notifications: namespaced('notifications.events'),
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  /** Topic-level settings (e.g. retention.ms), applied at creation and kept up to date. */
  config?: Record<string, string>;
}

export const EVENT_TOPICS: readonly TopicSpec[] = [
  { topic: TOPICS.users, numPartitions: 3 },
  { topic: TOPICS.orders, numPartitions: 6 },
  { topic: TOPICS.payments, numPartitions: 3 },
  { topic: TOPICS.inventory, numPartitions: 6 },
  { topic: TOPICS.notifications, numPartitions: 3 },
];

/** Where a consumer group parks events it gave up on: one dead-letter topic per group (in its namespace, as the group is). */
export const deadLetterTopic = (consumerGroup: string): string => `${consumerGroup}.dlq`;

/** Where an admin's redrive puts a group's dead letters back: read by that group alone, next to its source topics. */
export const redriveTopic = (consumerGroup: string): string => `${consumerGroup}.redrive`;

/** What was done to a group's dead letters (redriven, discarded), by whom and why: the audit log, kept forever. */
export const deadLetterAuditTopic = (consumerGroup: string): string => `${deadLetterTopic(consumerGroup)}.audit`;
