/**
 * The project's Kafka topics and their partition counts. Automatic topic creation is off on
 * our brokers, so these are created explicitly (by the local stack and at app start).
 * Partitions bound consumer parallelism per group; per-aggregate order holds because the key
 * is the aggregate id.
 */
export interface TopicSpec {
  topic: string;
  numPartitions: number;
}

export const EVENT_TOPICS: readonly TopicSpec[] = [
  { topic: 'users.events', numPartitions: 3 },
  { topic: 'orders.events', numPartitions: 6 },
  { topic: 'payments.events', numPartitions: 3 },
  { topic: 'inventory.events', numPartitions: 6 },
];
