import { defineConsumer } from '@app/messaging';

/** Records who to notify and what to send; MailDispatcher does the sending, outside the event's transaction. */
export const NOTIFICATIONS = defineConsumer({ name: 'notifications', groupId: 'consumers.notifications', clientId: 'consumers.notifications' });
