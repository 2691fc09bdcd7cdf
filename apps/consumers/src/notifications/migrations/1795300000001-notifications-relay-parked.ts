import { eventStoreMigrationIn, RelayParked1795300000000 } from '@app/event-store';
import { NOTIFICATIONS_SCHEMA } from '../notifications.schema';

/** The event store's RelayParked step, for the notifications' own store. */
export const NotificationsRelayParked1795300000001 = eventStoreMigrationIn(NOTIFICATIONS_SCHEMA, 'NotificationsRelayParked', 1795300000001, [RelayParked1795300000000]);
