import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
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
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({
        topic: t.topic,
        numPartitions: t.numPartitions,
        replicationFactor,
        configEntries: Object.entries(t.config ?? {}).map(([name, value]) => ({ name, value })),
      })),
    });
    return missing.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
};
