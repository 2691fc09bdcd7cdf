import type { TopicSpec } from '@app/events';

/** Request/reply patterns; each is a Kafka topic, and `<pattern>.reply` carries the answers. */
export const COMMANDS = {
  registerUser: 'commands.user.register',
  authenticateUser: 'commands.user.authenticate',
} as const;

export type CommandPattern = (typeof COMMANDS)[keyof typeof COMMANDS];

export const replyTopic = (pattern: string): string => `${pattern}.reply`;

/** Command and reply topics, created like the event topics (auto-creation is off). */
export const COMMAND_TOPICS: readonly TopicSpec[] = Object.values(COMMANDS).flatMap((pattern) => [
  { topic: pattern, numPartitions: 3 },
  { topic: replyTopic(pattern), numPartitions: 3 },
]);
