import type { TopicSpec } from '@app/events';

/** Request/reply patterns; each is a Kafka topic, and `<pattern>.reply` carries the answers. */
export const COMMANDS = {
  registerUser: 'commands.user.register',
  authenticateUser: 'commands.user.authenticate',
  addProduct: 'commands.inventory.add-product',
  restockProduct: 'commands.inventory.restock-product',
  createOrder: 'commands.order.create',
  cancelOrder: 'commands.order.cancel',
  processPayment: 'commands.payment.process',
} as const;

export type CommandPattern = (typeof COMMANDS)[keyof typeof COMMANDS];

export const replyTopic = (pattern: string): string => `${pattern}.reply`;

/**
 * Commands are requests, not history: a register or login command carries a password, so the
 * broker keeps command and reply messages for an hour (long enough for any retry), not the
 * default week. Created like the event topics (auto-creation is off).
 */
const COMMAND_RETENTION = { 'retention.ms': String(60 * 60 * 1000), 'segment.ms': String(10 * 60 * 1000) };

export const COMMAND_TOPICS: readonly TopicSpec[] = Object.values(COMMANDS).flatMap((pattern) => [
  { topic: pattern, numPartitions: 3, config: COMMAND_RETENTION },
  { topic: replyTopic(pattern), numPartitions: 3, config: COMMAND_RETENTION },
]);
