import { deadLetterAuditTopic, deadLetterTopic, redriveTopic, type TopicSpec } from '@app/events';

/**
 * A dead letter is kept until an operator redrives or discards it, never aged out by the broker's
 * default week: losing one would lose the event's effect. Their audit log is kept as long.
 */
const KEPT_FOREVER = { 'retention.ms': '-1', 'retention.bytes': '-1' };

/** The topics a consumer group has of its own: dead letters, their audit log, and redriven events. */
export const groupTopics = (groupId: string, partitions: number): TopicSpec[] => [
  { topic: deadLetterTopic(groupId), numPartitions: partitions, config: KEPT_FOREVER },
  { topic: deadLetterAuditTopic(groupId), numPartitions: 1, config: KEPT_FOREVER },
  { topic: redriveTopic(groupId), numPartitions: partitions },
];
