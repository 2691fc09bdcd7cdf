import { defineConsumer } from '@app/messaging';

/** Feeds the warehouse (schema analytics). */
export const ANALYTICS = defineConsumer({ name: 'analytics', groupId: 'consumers.analytics', clientId: 'consumers.analytics' });
