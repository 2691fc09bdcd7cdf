import { EVENT_TOPICS, TOPICS } from '@app/events';
import { lockForAppend } from '@app/event-store';
import { type ConsumerServerOptions, defineConsumer } from '@app/messaging';
import { NOTIFICATIONS_SCHEMA } from './notifications.schema';

/**
 * Records who to notify and what to send, with a NotificationCreated each (appended in the same
 * transaction); MailDispatcher does the sending, outside the event's transaction.
 */
export const NOTIFICATIONS = defineConsumer({
  name: 'notifications',
  groupId: 'consumers.notifications',
  clientId: 'consumers.notifications',
  beginTransaction: (em) => lockForAppend(em, NOTIFICATIONS_SCHEMA),
  // A mail or a push a tenth of a second later is not noticed; an order held up behind it is.
  lingerMs: 100,
});

const CONSUMED_TOPICS: readonly string[] = [TOPICS.users, TOPICS.orders, TOPICS.payments];

/**
 * Every partition it reads at once. With kafkajs' default of one, a PaymentFailed being retried
 * for its unknown owner would hold up the very OrderCreated (another topic) it waits for, and be
 * dead-lettered. Order within each partition holds either way.
 */
export const NOTIFICATIONS_SERVER: Partial<ConsumerServerOptions> = {
  partitionsConsumedConcurrently: EVENT_TOPICS.filter((t) => CONSUMED_TOPICS.includes(t.topic)).reduce((n, t) => n + t.numPartitions, 0),
};
