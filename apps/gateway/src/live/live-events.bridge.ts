import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Consumer, Kafka, type KafkaMessage, logLevel } from 'kafkajs';
import { APP_CONFIG, type AppConfig, namespaced } from '@app/config';
import { EVENT_REGISTRY, EVENT_TOPICS, TOPICS } from '@app/events';
import { decodeEnvelope, ensureTopics } from '@app/messaging';
import { LiveEvents } from './live-events';

/** The topics live updates are made from; a token so a test can use a topic of its own. */
export const LIVE_TOPICS = Symbol('LIVE_TOPICS');
/** Order status changes and new notifications. */
export const LIVE_TOPIC_NAMES: readonly string[] = [TOPICS.orders, TOPICS.notifications];

const RETRY_START_MS = 5000;

/**
 * Feeds LiveEvents from Kafka, one consumer per gateway INSTANCE in a group of its own
 * (`gateway-live-<random>`), so that every instance sees every event: a client is connected to
 * one instance, and only that one can tell it.
 *
 * Not the consumer runtime of @app/messaging (shared group, at-least-once, retries, dead letters):
 * that is for effects that must happen exactly once in effect. These are ephemeral, at-most-once
 * notices to the clients connected right now: a client that was not connected has nothing to
 * catch up on, so the group starts at the end, commits nothing, skips what it cannot decode
 * (never retried: that would block the partition) and is deleted on shutdown.
 */
@Injectable()
export class LiveEventsBridge implements OnApplicationBootstrap, OnModuleDestroy {
  readonly groupId = namespaced(`gateway-live-${randomUUID()}`);
  private readonly logger = new Logger(LiveEventsBridge.name);
  private readonly kafka: Kafka;
  private readonly stopping = new AbortController();
  private consumer?: Consumer;
  private readonly fetching: Promise<void>;
  private markFetching!: () => void;
  private starting?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LIVE_TOPICS) private readonly topics: readonly string[],
    private readonly live: LiveEvents,
  ) {
    this.kafka = new Kafka({ clientId: this.groupId, ...config.kafka, logLevel: logLevel.WARN });
    this.fetching = new Promise((resolve) => (this.markFetching = resolve));
  }

  // Not awaited: queries and mutations must not wait for (or fail with) the live updates.
  onApplicationBootstrap(): void {
    this.starting = this.start();
  }

  /** Resolves once the consumer has fetched: from then on, every new event reaches LiveEvents. */
  ready(): Promise<void> {
    return this.fetching;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    // An app closed right after booting (tests, a crash loop) may still be starting the consumer:
    // let that finish first, or it would connect after the disconnect below and outlive the app.
    await this.starting;
    await this.consumer?.disconnect().catch((error) => this.logger.warn(`disconnect: ${String(error)}`));
    // An empty group with no offsets would linger in the broker's metadata; remove it now.
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([this.groupId]);
    } catch (error) {
      this.logger.warn(`could not delete consumer group ${this.groupId}: ${String(error)}`);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private async start(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      try {
        await this.run();
        return;
      } catch (error) {
        this.logger.error(`live updates not started, retrying in ${RETRY_START_MS} ms: ${String(error)}`);
        await this.consumer?.disconnect().catch(() => undefined);
        await sleep(RETRY_START_MS, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
  }

  private async run(): Promise<void> {
    await ensureTopics(this.config.kafka, EVENT_TOPICS.filter((t) => this.topics.includes(t.topic)));
    if (this.stopping.signal.aborted) return;
    const consumer = this.kafka.consumer({ groupId: this.groupId, maxWaitTimeInMs: 1000 });
    this.consumer = consumer;
    // The first fetch comes after the group's offsets were set to the end of each partition.
    consumer.on(consumer.events.FETCH, () => this.markFetching());
    await consumer.connect();
    if (this.stopping.signal.aborted) return;
    await consumer.subscribe({ topics: [...this.topics], fromBeginning: false });
    if (this.stopping.signal.aborted) return;
    await consumer.run({ autoCommit: false, eachMessage: async ({ topic, partition, message }) => this.deliver(topic, partition, message) });
  }

  private deliver(topic: string, partition: number, message: KafkaMessage): void {
    try {
      this.live.publish(EVENT_REGISTRY.upcastEnvelope(decodeEnvelope(message)));
    } catch (error) {
      this.logger.warn(`skipped ${topic}[${partition}]@${message.offset}: ${String(error)}`);
    }
  }
}
