import { eventStoreMigrationIn } from '@app/event-store';
import { NOTIFICATIONS_SCHEMA } from '../notifications.schema';

/** The notifications' own event store (see NotificationsModule); earlier NotificationCreated events stay in inventory's. */
export const NotificationsEventStore1795200000000 = eventStoreMigrationIn(NOTIFICATIONS_SCHEMA, 'NotificationsEventStore', 1795200000000);
