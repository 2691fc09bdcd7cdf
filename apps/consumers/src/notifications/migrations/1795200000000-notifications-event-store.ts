import { AppendLock1795000000000, CreateEventStore1764115200000, eventStoreMigrationIn, IdempotencyAndNotify1764115300000 } from '@app/event-store';
import { NOTIFICATIONS_SCHEMA } from '../notifications.schema';

/** The notifications' own event store (see NotificationsModule); earlier NotificationCreated events stay in inventory's. */
export const NotificationsEventStore1795200000000 = eventStoreMigrationIn(NOTIFICATIONS_SCHEMA, 'NotificationsEventStore', 1795200000000, [
  CreateEventStore1764115200000,
  IdempotencyAndNotify1764115300000,
  AppendLock1795000000000,
]);
