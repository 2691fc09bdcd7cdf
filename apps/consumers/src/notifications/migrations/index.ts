import { CreateNotifications1764500000000 } from './1764500000000-create-notifications';
import { OrderNotifications1764900000000 } from './1764900000000-order-notifications';
import { NotificationsEventStore1795200000000 } from './1795200000000-notifications-event-store';
import { NotificationsRelayParked1795300000001 } from './1795300000001-notifications-relay-parked';
import { NotificationsRelayStatus1795600000001 } from './1795600000001-notifications-relay-status';
import { NotificationsRelayStatusSearchPath1795900000005 } from './1795900000005-notifications-relay-status-search-path';

export const NOTIFICATIONS_MIGRATIONS = [CreateNotifications1764500000000, OrderNotifications1764900000000, NotificationsEventStore1795200000000, NotificationsRelayParked1795300000001, NotificationsRelayStatus1795600000001, NotificationsRelayStatusSearchPath1795900000005];
