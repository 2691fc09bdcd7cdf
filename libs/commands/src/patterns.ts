import { namespaced } from '@app/config/namespace';
import type { AppName } from '@app/config';
import type { KeyHolder } from '@app/config/service-keys';
import type { TopicSpec } from '@app/events';

/**
 * Request/reply patterns; each is a Kafka topic (in this environment's namespace), and
 * `<pattern>.reply` carries the answers.
 */
export const COMMANDS = {
  registerUser: namespaced('commands.user.register'),
  authenticateUser: namespaced('commands.user.authenticate'),
  revokeTokens: namespaced('commands.user.revoke-tokens'),
  addProduct: namespaced('commands.inventory.add-product'),
  restockProduct: namespaced('commands.inventory.restock-product'),
  createOrder: namespaced('commands.order.create'),
  cancelOrder: namespaced('commands.order.cancel'),
  processPayment: namespaced('commands.payment.process'),
  refundPayment: namespaced('commands.payment.refund'),
  settleConsumersDeadLetters: namespaced('commands.consumers.settle-dead-letters'),
  settleOrderDeadLetters: namespaced('commands.order.settle-dead-letters'),
  rebuildProjection: namespaced('commands.consumers.rebuild-projection'),
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

/**
 * Who may send each command (their signature is checked, libs/commands/src/security): users act
 * through the gateway; only the order saga may ask for a charge or a refund.
 */
export const COMMAND_SENDERS: Readonly<Record<CommandPattern, readonly KeyHolder[]>> = {
  [COMMANDS.registerUser]: ['gateway'],
  [COMMANDS.authenticateUser]: ['gateway'],
  [COMMANDS.revokeTokens]: ['gateway'],
  [COMMANDS.addProduct]: ['gateway'],
  [COMMANDS.restockProduct]: ['gateway'],
  [COMMANDS.createOrder]: ['gateway'],
  [COMMANDS.cancelOrder]: ['gateway'],
  [COMMANDS.processPayment]: ['order'],
  [COMMANDS.refundPayment]: ['order'],
  [COMMANDS.settleConsumersDeadLetters]: ['gateway'],
  [COMMANDS.settleOrderDeadLetters]: ['gateway'],
  [COMMANDS.rebuildProjection]: ['gateway'],
};

/** The app that handles each command (its command server reads the topic and writes the reply). */
export const COMMAND_RECEIVERS: Readonly<Record<CommandPattern, AppName>> = {
  [COMMANDS.registerUser]: 'user',
  [COMMANDS.authenticateUser]: 'user',
  [COMMANDS.revokeTokens]: 'user',
  [COMMANDS.addProduct]: 'consumers',
  [COMMANDS.restockProduct]: 'consumers',
  [COMMANDS.createOrder]: 'order',
  [COMMANDS.cancelOrder]: 'order',
  [COMMANDS.processPayment]: 'payment',
  [COMMANDS.refundPayment]: 'payment',
  [COMMANDS.settleConsumersDeadLetters]: 'consumers',
  [COMMANDS.settleOrderDeadLetters]: 'order',
  [COMMANDS.rebuildProjection]: 'consumers',
};

/**
 * Only the app that owns a consumer group may write its topics (dead letters, their audit log,
 * redriven events): an admin's redrive or discard is a command to that app. Groups are named
 * `<namespace>.<app>.<consumer>`.
 */
export const DEAD_LETTER_OWNERS = { consumers: COMMANDS.settleConsumersDeadLetters, order: COMMANDS.settleOrderDeadLetters } as const;

/** The command that settles `group`'s dead letters; undefined for a group no app of ours owns. */
export const settleDeadLettersCommandOf = (group: string): CommandPattern | undefined =>
  Object.entries(DEAD_LETTER_OWNERS).find(([app]) => group.startsWith(namespaced(`${app}.`)))?.[1];
