import { eventStoreMigrationIn, RelayStatus1795600000000 } from '@app/event-store';
import { NOTIFICATIONS_SCHEMA } from '../notifications.schema';

/** The event store's RelayStatus step, for the notifications' own store. */
export const NotificationsRelayStatus1795600000001 = eventStoreMigrationIn(NOTIFICATIONS_SCHEMA, 'NotificationsRelayStatus', 1795600000001, [RelayStatus1795600000000]);
