import { eventStoreMigrationIn, RelayStatusSearchPath1795900000002 } from '@app/event-store';
import { NOTIFICATIONS_SCHEMA } from '../notifications.schema';

/** The notifications store's relay_status, as every store's (RelayStatusSearchPath1795900000002). */
export const NotificationsRelayStatusSearchPath1795900000005 = eventStoreMigrationIn(NOTIFICATIONS_SCHEMA, 'NotificationsRelayStatusSearchPath', 1795900000005, [RelayStatusSearchPath1795900000002]);
