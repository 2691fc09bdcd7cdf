import { Inject, Injectable } from '@nestjs/common';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { APP_CONFIG, type AppConfig, namespaced } from '@app/config';
import { deadLetterAuditTopic, deadLetterTopic } from '@app/events';
import { DeadLettersReader } from './dead-letters/dead-letters.reader';
import type { ConsumerGroupStatusModel } from './models/system-status.model';
import { oldestUnconsumedAt } from './oldest-unconsumed';

/** Lag of one partition: committed offset (-1: none yet, so from the earliest kept) to the end. */
type PartitionLag = { partition: number; committed: number; high: number };

/**
 * This namespace's consumer groups as the broker sees them: members, how far behind the end of
 * their topics, how old the oldest message they have not consumed, and what sits on their
 * dead-letter topic not yet redriven. The gateway's own reply and live-update groups, and the
 * dead-letter tools' groups, are left out: they are plumbing, not consumers of the system.
 */
@Injectable()
export class ConsumerGroupsReader {
  private readonly kafka: Kafka;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly deadLetters: DeadLettersReader,
  ) {
    this.kafka = new Kafka({ clientId: namespaced('gateway-admin'), ...config.kafka, logLevel: logLevel.NOTHING });
  }

  /**
   * An admin client per call: kafkajs' admin keeps every topic it was asked about in its metadata
   * refreshes, so a long-lived one would fail for good once a topic it knew was deleted.
   */
  async groups(): Promise<ConsumerGroupStatusModel[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await new GroupsQuery(admin, new Set(await admin.listTopics()), this.deadLetters).groups();
    } finally {
      await admin.disconnect();
    }
  }
}

/** One systemStatus' reading of the groups, on one admin connection and one list of existing topics. */
class GroupsQuery {
  /** Each topic's offsets, asked once per query: most groups read the same few topics. */
  private readonly ends = new Map<string, ReturnType<Admin['fetchTopicOffsets']>>();

  constructor(
    private readonly admin: Admin,
    private readonly topics: Set<string>,
    private readonly deadLetters: DeadLettersReader,
  ) {}

  async groups(): Promise<ConsumerGroupStatusModel[]> {
    const { groups } = await this.admin.listGroups();
    const ids = groups
      .filter((g) => g.protocolType === 'consumer' && g.groupId.startsWith(namespaced('')))
      .map((g) => g.groupId)
      .filter((id) => !id.startsWith(namespaced('gateway-')) && !id.includes('.dlq.'))
      .sort();
    if (!ids.length) return [];
    const { groups: described } = await this.admin.describeGroups(ids);
    return Promise.all(ids.map(async (group) => ({ group, members: described.find((d) => d.groupId === group)?.members.length ?? 0, ...(await this.lagOf(group)), deadLetters: await this.deadLettersOf(group) })));
  }

  private async lagOf(group: string): Promise<{ lag: number; lagSeconds: number }> {
    const topics = await this.admin.fetchOffsets({ groupId: group });
    let lag = 0;
    let oldest = Infinity;
    for (const { topic, partitions } of topics) {
      const ends = await this.endsOf(topic);
      // A topic deleted since the group committed to it: nothing left to be behind on.
      if (!ends) continue;
      const behind: PartitionLag[] = partitions.flatMap(({ partition, offset }) => {
        const end = ends.find((e) => e.partition === partition);
        if (!end) return [];
        const from = Number(offset) < 0 ? Number(end.low) : Number(offset);
        return Number(end.high) > from ? [{ partition, committed: from, high: Number(end.high) }] : [];
      });
      lag += behind.reduce((sum, p) => sum + p.high - p.committed, 0);
      if (behind.length) oldest = Math.min(oldest, await oldestUnconsumedAt(this.admin, topic, behind));
    }
    return { lag, lagSeconds: oldest === Infinity ? 0 : Math.max(0, (Date.now() - oldest) / 1000) };
  }

  /**
   * Entries of the group's dead-letter topic neither redriven nor discarded: from its offsets alone
   * while its audit log is empty (the common case), otherwise by reading both, as deadLetters does.
   */
  private async deadLettersOf(group: string): Promise<number> {
    const ends = await this.endsOf(deadLetterTopic(group));
    if (!ends) return 0; // no dead-letter topic yet: nothing ever failed
    const entries = ends.reduce((sum, end) => sum + Number(end.high) - Number(end.low), 0);
    const audit = await this.endsOf(deadLetterAuditTopic(group));
    if (entries === 0 || !audit?.some((p) => Number(p.high) > Number(p.low))) return entries;
    return (await this.deadLetters.pendingOf(group)).length;
  }

  /** The topic's partition offsets; undefined when it does not exist (asking kafkajs would fail). */
  private endsOf(topic: string) {
    if (!this.topics.has(topic)) return Promise.resolve(undefined);
    if (!this.ends.has(topic)) this.ends.set(topic, this.admin.fetchTopicOffsets(topic));
    return this.ends.get(topic)!;
  }
}
