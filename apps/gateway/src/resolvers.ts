import { ADMIN_RESOLVERS } from './admin/admin.resolvers';
import { ANALYTICS_RESOLVERS } from './analytics/analytics.resolvers';
import { LIVE_RESOLVERS } from './live/live.resolvers';
import { NOTIFICATION_RESOLVERS } from './notifications/notifications.resolvers';
import { ORDER_RESOLVERS } from './orders/orders.resolvers';
import { PRODUCT_RESOLVERS } from './products/products.resolvers';
import { SEARCH_RESOLVERS } from './search/search.resolvers';
import { STORED_EVENT_RESOLVERS } from './stored-events/stored-events.resolvers';
import { USER_RESOLVERS } from './users/users.resolvers';

/** Every resolver of the gateway: the schema-contract spec builds the schema from exactly these. */
export const GATEWAY_RESOLVERS = [...USER_RESOLVERS, ...ORDER_RESOLVERS, ...PRODUCT_RESOLVERS, ...STORED_EVENT_RESOLVERS, ...LIVE_RESOLVERS, ...NOTIFICATION_RESOLVERS, ...ANALYTICS_RESOLVERS, ...SEARCH_RESOLVERS, ...ADMIN_RESOLVERS];
