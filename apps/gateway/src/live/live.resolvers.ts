import { NotificationReceivedResolver } from './notifications/notification-received.resolver';
import { OrderStatusChangedResolver } from './order-status/order-status-changed.resolver';

/** Also read by the schema-contract spec (through GATEWAY_RESOLVERS). */
export const LIVE_RESOLVERS = [OrderStatusChangedResolver, NotificationReceivedResolver];
