import { type Admin, ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import type { KafkaConnection } from '@app/config';
import type { TopicSpec } from '@app/events';

/**
 * Creates the topics that are missing and brings the topic-level config of existing ones up to
 * date (idempotent). A single-node broker gets replication factor 1; a cluster gets its broker
 * default (-1 asks the broker to decide).
 */
export const ensureTopics = async (connection: KafkaConnection, topics: readonly TopicSpec[]): Promise<string[]> => {
  const kafka = new Kafka({ clientId: 'topic-admin', ...connection, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    const drifted = await configDrift(admin, topics.filter((t) => existing.has(t.topic) && t.config));
    if (drifted.length) {
      await admin.alterConfigs({
        validateOnly: false,
        resources: drifted.map((t) => ({
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

/**
 * The existing topics whose settings differ from `config`. Only those are altered: on a broker
 * with ACLs an app may read the settings of the shared topics but not change them (provisioning
 * sets them), and an app that agrees with them has nothing to ask.
 */
const configDrift = async (admin: Admin, topics: TopicSpec[]): Promise<TopicSpec[]> => {
  if (!topics.length) return [];
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((t) => ({ type: ConfigResourceTypes.TOPIC, name: t.topic, configNames: Object.keys(t.config!) })),
  });
  const current = new Map(resources.map((r) => [r.resourceName, new Map(r.configEntries.map((e) => [e.configName, e.configValue]))]));
  return topics.filter((t) => Object.entries(t.config!).some(([name, value]) => current.get(t.topic)?.get(name) !== value));
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
