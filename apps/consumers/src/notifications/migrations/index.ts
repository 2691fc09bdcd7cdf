import { CreateNotifications1764500000000 } from './1764500000000-create-notifications';
import { OrderNotifications1764900000000 } from './1764900000000-order-notifications';

export const NOTIFICATIONS_MIGRATIONS = [CreateNotifications1764500000000, OrderNotifications1764900000000];
