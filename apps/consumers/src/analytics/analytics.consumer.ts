import { defineConsumer } from '@app/messaging';

/** Feeds the warehouse (schema analytics) from users.events and orders.events. */
export const ANALYTICS = defineConsumer({ name: 'analytics', groupId: 'consumers.analytics', clientId: 'consumers.analytics' });
