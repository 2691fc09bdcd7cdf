import { AclOperationTypes as Op, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type AclEntry } from 'kafkajs';
import { COMMAND_RECEIVERS, COMMAND_SENDERS, DEAD_LETTER_OWNERS, replyTopic, type CommandPattern } from '../../libs/commands/src';
import type { AppName } from '../../libs/config/src';
import { namespaced } from '../../libs/config/src/namespace';
import { TOPICS } from '../../libs/events/src';
import { kafkaUserOf } from './users';


/** Which event topics each app's relay writes (its event store's events) and which it consumes. */
const EVENTS: Record<AppName, { writes: string[]; reads: string[] }> = {
  gateway: { writes: [], reads: [TOPICS.orders, TOPICS.notifications] }, // live updates
  order: { writes: [TOPICS.orders], reads: [TOPICS.inventory, TOPICS.payments, TOPICS.orders] }, // the saga
  user: { writes: [TOPICS.users], reads: [] },
  payment: { writes: [TOPICS.payments], reads: [] },
  // Inventory's store also holds NotificationCreated (notifications.events).
  consumers: { writes: [TOPICS.inventory, TOPICS.notifications], reads: [TOPICS.users, TOPICS.orders, TOPICS.payments, TOPICS.inventory] },
};

const patterns = Object.keys(COMMAND_RECEIVERS) as CommandPattern[];

/** Topic operations of one app, derived from who sends and who handles each command. */
const topicOperations = (app: AppName): [string, Op[]][] => [
  ...patterns.filter((p) => COMMAND_RECEIVERS[p] === app).flatMap((p): [string, Op[]][] => [[p, [Op.READ]], [replyTopic(p), [Op.WRITE]]]),
  ...patterns.filter((p) => COMMAND_SENDERS[p].some((sender) => sender === app)).flatMap((p): [string, Op[]][] => [[p, [Op.WRITE]], [replyTopic(p), [Op.READ]]]),
  ...EVENTS[app].writes.map((t): [string, Op[]] => [t, [Op.WRITE]]),
  ...EVENTS[app].reads.map((t): [string, Op[]] => [t, [Op.READ]]),
];

/**
 * Every ACL of `app` in this namespace. Beyond its topics above:
 * - DESCRIBE and DESCRIBE_CONFIGS on every topic of the namespace (names and settings, no data),
 *   so an app sees that the topics it ensures exist; it creates none of the shared ones
 *   (provisioning does) and may not alter their settings;
 * - its own names, `<ns>.<app>.` and `<ns>.<app>-`: its consumer groups (read, describe, delete)
 *   and its dead-letter topics (`<group>.dlq`: create, read, write, align their settings);
 * - the gateway: DESCRIBE on every consumer group of the namespace, for the admin's
 *   systemStatus (members, committed offsets; no right to join or reset one); READ on the
 *   topics of the apps that own consumer groups (`<ns>.<app>.`: their dead letters, audit logs
 *   and redrive topics), for the admin's deadLetters. It writes none: a redrive or discard is a
 *   command to the owning app;
 * - IDEMPOTENT_WRITE on the cluster: every producer of ours is idempotent (libs/messaging), and
 *   Kafka 4.1's KRaft authorizer refuses its producer id without it, WRITE on topics
 *   notwithstanding (CLUSTER_AUTHORIZATION_FAILED). It grants no access to any topic. Not in a
 *   namespace: one user's grant serves every environment it is provisioned in.
 */
export const aclsOf = (app: AppName, user = kafkaUserOf(app)): AclEntry[] => {
  const allow = (resourceType: AclResourceTypes, resourceName: string, resourcePatternType: ResourcePatternTypes, operations: Op[]): AclEntry[] =>
    operations.map((operation) => ({ resourceType, resourceName, resourcePatternType, principal: `User:${user}`, host: '*', operation, permissionType: AclPermissionTypes.ALLOW }));
  const own = [namespaced(`${app}.`), namespaced(`${app}-`)];
  return [
    ...topicOperations(app).flatMap(([topic, ops]) => allow(AclResourceTypes.TOPIC, topic, ResourcePatternTypes.LITERAL, ops)),
    ...allow(AclResourceTypes.TOPIC, namespaced(''), ResourcePatternTypes.PREFIXED, [Op.DESCRIBE, Op.DESCRIBE_CONFIGS]),
    ...allow(AclResourceTypes.TOPIC, own[0], ResourcePatternTypes.PREFIXED, [Op.CREATE, Op.READ, Op.WRITE, Op.ALTER_CONFIGS]),
    ...own.flatMap((prefix) => allow(AclResourceTypes.GROUP, prefix, ResourcePatternTypes.PREFIXED, [Op.READ, Op.DESCRIBE, Op.DELETE])),
    ...(app === 'gateway' ? allow(AclResourceTypes.GROUP, namespaced(''), ResourcePatternTypes.PREFIXED, [Op.DESCRIBE]) : []),
    ...(app === 'gateway' ? Object.keys(DEAD_LETTER_OWNERS).flatMap((owner) => allow(AclResourceTypes.TOPIC, namespaced(`${owner}.`), ResourcePatternTypes.PREFIXED, [Op.READ])) : []),
    ...allow(AclResourceTypes.CLUSTER, 'kafka-cluster', ResourcePatternTypes.LITERAL, [Op.IDEMPOTENT_WRITE]),
  ];
};
