import type { INestApplication } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { EVENT_TOPICS } from '@app/events';
import { connectConsumer, type ConsumerDefinition, type ConsumerServer, type ConsumerServerOptions, ensureTopics } from '@app/messaging';
import { ANALYTICS } from './analytics/analytics.consumer';
import { INVENTORY } from './inventory/inventory.consumer';
import { NOTIFICATIONS, NOTIFICATIONS_SERVER } from './notifications/notifications.consumer';
import { PROJECTIONS } from './projections/projections.consumer';
import { SEARCH } from './search/search.consumer';

/** Every consumer this app hosts: each its own consumer group, so each lags, fails and replays alone. */
export const CONSUMERS: readonly ConsumerDefinition[] = [PROJECTIONS, NOTIFICATIONS, ANALYTICS, SEARCH, INVENTORY];

export interface StartConsumersOptions {
  server?: Partial<ConsumerServerOptions>;
  /**
   * For tests: join groups of their own (`<prefix>consumers.projections`...), so that a consumers
   * app running elsewhere on the same broker neither takes the test's events nor loses its own.
   * The handlers stay bound (same transport ids) and processed_events keys stay the same.
   */
  groupIdPrefix?: string;
  /** For tests: connect only these (default: all of CONSUMERS). */
  only?: readonly ConsumerDefinition[];
}

/**
 * Partitions each consumer works at once (order within a partition holds either way): one at a
 * time left a consumer's transactions waiting on each other's round trips (B7, B10 measured about
 * half the throughput); more than this would mostly queue for the app's database pool.
 */
const PARTITIONS_AT_ONCE = 6;

/** Server settings a consumer needs beyond the app's (see each one's definition for why). */
const OWN_SERVER_SETTINGS = new Map<ConsumerDefinition, Partial<ConsumerServerOptions>>([[NOTIFICATIONS, NOTIFICATIONS_SERVER]]);

const withPrefix = (consumer: ConsumerDefinition, prefix: string): ConsumerDefinition =>
  prefix ? { ...consumer, groupId: `${prefix}${consumer.groupId}`, clientId: `${prefix}${consumer.clientId}` } : consumer;

/**
 * Adds one ConsumerServer per consumer to the app without starting them: whatever starts the
 * app's microservices next (startConsumers, or startCommandServer, which starts them all) does.
 */
export async function connectConsumers(app: INestApplication, { server = {}, groupIdPrefix = '', only = CONSUMERS }: StartConsumersOptions = {}): Promise<ConsumerServer[]> {
  const { kafka } = app.get<AppConfig>(APP_CONFIG);
  // Automatic topic creation is off, and topic names depend on the namespace: we make them.
  await ensureTopics(kafka, EVENT_TOPICS);
  return only.map((consumer) =>
    connectConsumer(app, withPrefix(consumer, groupIdPrefix), {
      ...kafka,
      partitionsConsumedConcurrently: PARTITIONS_AT_ONCE,
      ...OWN_SERVER_SETTINGS.get(consumer),
      ...server,
    }),
  );
}

/**
 * Connects the consumers, then app.init() (migrations, the search index, the mail dispatcher)
 * before any of them consumes. Stopping is app.close(), which shutdown hooks run on SIGTERM: Nest
 * closes every server (each finishes its message in hand, commits and leaves its group) before
 * the database pool closes.
 */
export async function startConsumers(app: INestApplication, options: StartConsumersOptions = {}): Promise<ConsumerServer[]> {
  const servers = await connectConsumers(app, options);
  await app.init();
  await app.startAllMicroservices();
  return servers;
}
