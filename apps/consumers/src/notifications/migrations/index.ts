import { CreateNotifications1764500000000 } from './1764500000000-create-notifications';

export const NOTIFICATIONS_MIGRATIONS = [CreateNotifications1764500000000];
