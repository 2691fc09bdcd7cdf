import { type Admin, ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import type { TopicSpec } from '@app/events';

/**
 * Creates the topics that are missing and brings the topic-level config of existing ones up to
 * date (idempotent). A single-node broker gets replication factor 1; a cluster gets its broker
 * default (-1 asks the broker to decide).
 */
export const ensureTopics = async (brokers: string[], topics: readonly TopicSpec[]): Promise<string[]> => {
  const kafka = new Kafka({ clientId: 'topic-admin', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    const configured = topics.filter((t) => existing.has(t.topic) && t.config);
    if (configured.length) {
      await admin.alterConfigs({
        validateOnly: false,
        resources: configured.map((t) => ({
          type: ConfigResourceTypes.TOPIC,
          name: t.topic,
          configEntries: Object.entries(t.config!).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    if (missing.length === 0) return [];
    const { brokers: nodes } = await admin.describeCluster();
    const replicationFactor = nodes.length === 1 ? 1 : -1;
    // Not kafkajs' waitForLeaders: on a fresh broker its metadata poll can throw
    // UNKNOWN_TOPIC_OR_PARTITION from a timer, an unhandled rejection that ends the process.
    await admin.createTopics({
      waitForLeaders: false,
      topics: missing.map((t) => ({
        topic: t.topic,
        numPartitions: t.numPartitions,
        replicationFactor,
        configEntries: Object.entries(t.config ?? {}).map(([name, value]) => ({ name, value })),
      })),
    });
    await leadersElected(admin, missing.map((t) => t.topic));
    return missing.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
};

const LEADERS_TIMEOUT_MS = 30_000;

/** Until every partition of `topics` has a leader: until then a produce to it fails. */
const leadersElected = async (admin: Admin, topics: string[]): Promise<void> => {
  const deadline = Date.now() + LEADERS_TIMEOUT_MS;
  for (let delay = 20; ; delay = Math.min(delay * 2, 500)) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      if (found.length === topics.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (err) {
      // Just created: the broker may not know the topic for a moment yet.
      if (!(err as { retriable?: boolean }).retriable) throw err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for leaders of ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
};
