/**
 * What a consumer's processed_events row stands for in a trace. A consumer records every event of
 * its topics there, in the transaction of its effects (DESIGN.md section 6), whether or not it had
 * anything to do for that one; the row says the event was applied, not what changed. So an effect
 * is named after where that consumer keeps events of the event's aggregate (order events:
 * order_view, the orders index...), and after the consumer itself where it keeps none.
 */
interface EffectNaming {
  service: string;
  /** By the event's aggregate (the stream id's prefix). */
  byAggregate: Readonly<Record<string, string>>;
  otherwise: string;
}

const CONSUMERS_APP: Readonly<Record<string, EffectNaming>> = {
  // Every event also goes to event_log (what `events(streamId)` and this trace read).
  projections: { service: 'projections', byAggregate: { order: 'order_view', payment: 'payment_view', user: 'user_view' }, otherwise: 'event_log' },
  search: { service: 'search', byAggregate: { order: 'orders index', user: 'users index', product: 'products index' }, otherwise: 'search' },
  analytics: { service: 'analytics', byAggregate: { order: 'fact_orders', user: 'fact_user_signups' }, otherwise: 'analytics' },
  inventory: { service: 'inventory', byAggregate: { order: 'reservations' }, otherwise: 'inventory' },
  // The notifications it records show as effects of their own (notifications.deliveries).
  notifications: { service: 'notifications', byAggregate: {}, otherwise: 'notifications' },
};

/** The order saga's consumer groups (one per topic: order-saga, order-saga-payments, order-saga-orders). */
const ORDER_SAGA = /^order-saga(-|$)/;

export const effectOf = (consumer: string, aggregate: string | undefined): { name: string; service: string } => {
  if (ORDER_SAGA.test(consumer)) return { name: 'order saga', service: 'order' };
  const naming = CONSUMERS_APP[consumer];
  // A consumer this gateway does not know (a newer one, a test's): its own name says the most.
  if (!naming) return { name: consumer, service: consumer };
  return { name: (aggregate && naming.byAggregate[aggregate]) || naming.otherwise, service: naming.service };
};

/** A recorded notification, as API.graphql's example names it: `ORDER_CONFIRMED email` (or `... push`). */
export const notificationName = (template: string, channel: string): string => `${template} ${channel.toLowerCase()}`;

/** Its email, once the SMTP server took it. */
export const sentMailName = (template: string): string => `${template} email sent`;
