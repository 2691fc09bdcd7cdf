import type { Admin } from 'kafkajs';
import { waitFor } from './wait-for';

/**
 * Waits until `groupId` has committed, on every partition of `topics`, at least the high
 * watermark each partition had when this was called: everything published before the call has
 * been processed. Committed offsets move only after a message is settled (see ConsumerServer),
 * so this is the consumer's own word, not a guess from the read model.
 */
export const waitUntilCaughtUp = async (admin: Admin, groupId: string, topics: readonly string[], { timeoutMs = 120000 } = {}): Promise<void> => {
  const targets = await Promise.all(topics.map(async (topic) => ({ topic, highs: await admin.fetchTopicOffsets(topic) })));
  await waitFor(
    `${groupId} to catch up on ${topics.join(', ')}`,
    async () => {
      const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
      return targets.every(({ topic, highs }) => {
        const partitions = committed.find((c) => c.topic === topic)?.partitions ?? [];
        return highs.every(({ partition, high }) => {
          const offset = partitions.find((p) => p.partition === partition)?.offset ?? '-1';
          return BigInt(high) === 0n || BigInt(offset) >= BigInt(high);
        });
      });
    },
    { timeoutMs, intervalMs: 250 },
  );
};

/**
 * Moves a stopped group back to the first offset of each topic, so its next start replays them.
 * Kafka refuses while the group still has members (a member leaving on shutdown can take a
 * moment to be gone, and a parallel run may hold the group): retried until the deadline.
 */
export const rewindGroup = async (admin: Admin, groupId: string, topics: readonly string[], { timeoutMs = 60000 } = {}): Promise<void> => {
  for (const topic of topics) {
    await waitFor(`${groupId} to rewind on ${topic}`, () => admin.resetOffsets({ groupId, topic, earliest: true }).then(() => true), { timeoutMs, intervalMs: 500 });
  }
};
