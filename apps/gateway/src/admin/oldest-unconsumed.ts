import type { Admin } from 'kafkajs';

/** The window searched for the oldest unconsumed message: a week (Kafka's default retention). */
const WINDOW_MS = 7 * 24 * 3600 * 1000;
/** How close the search gets to the message's timestamp. */
const PRECISION_MS = 10;

/**
 * The timestamp (ms) of the oldest message not yet consumed among `partitions` of `topic`, each
 * from its committed offset on. Kafka answers offsets by timestamp, not timestamps by offset: for
 * a time t it gives each partition's first offset with a timestamp at or after t. Every lagging
 * partition's answer is at most its committed offset exactly while t is at most the oldest
 * unconsumed message's timestamp, so a binary search over t finds it (about 26 requests).
 * Assumes per-partition timestamps do not go backwards (the producer's clock; ours stamp at send).
 */
export const oldestUnconsumedAt = async (admin: Admin, topic: string, partitions: { partition: number; committed: number }[]): Promise<number> => {
  const allStillAhead = async (t: number): Promise<boolean> => {
    const offsets = await admin.fetchTopicOffsetsByTimestamp(topic, t);
    return partitions.every(({ partition, committed }) => {
      const found = Number(offsets.find((o) => o.partition === partition)?.offset ?? -1);
      // -1: no message at or after t.
      return found >= 0 && found <= committed;
    });
  };
  let low = Date.now() - WINDOW_MS;
  let high = Date.now();
  if (!(await allStillAhead(low))) return low;
  while (high - low > PRECISION_MS) {
    const mid = Math.floor((low + high) / 2);
    if (await allStillAhead(mid)) low = mid;
    else high = mid;
  }
  return low;
};
