import { NotificationsResolver } from './list-notifications/notifications.resolver';

/** Also read by the schema-contract spec (through GATEWAY_RESOLVERS). */
export const NOTIFICATION_RESOLVERS = [NotificationsResolver];
