import { defineConsumer } from '@app/messaging';

/**
 * Feeds the warehouse (schema analytics) from users.events and orders.events. Reports are read
 * by people, not waited on by orders: it lingers (see lingerMs) for bigger, cheaper runs.
 */
export const ANALYTICS = defineConsumer({ name: 'analytics', groupId: 'consumers.analytics', clientId: 'consumers.analytics', lingerMs: 100 });
