import { defineConsumer } from '@app/messaging';

/**
 * The saga listens in groups of its own, one per topic, so that each lags, fails and replays
 * alone: a slow payment step never holds up the inventory outcomes of other orders, nor the other
 * way round. The orders group reacts to the order's own final events (refund, forget the token).
 */
export const ORDER_SAGA_INVENTORY = defineConsumer({ name: 'order-saga', groupId: 'order.saga', clientId: 'order.saga' });
export const ORDER_SAGA_PAYMENTS = defineConsumer({ name: 'order-saga-payments', groupId: 'order.saga.payments', clientId: 'order.saga.payments' });
export const ORDER_SAGA_ORDERS = defineConsumer({ name: 'order-saga-orders', groupId: 'order.saga.orders', clientId: 'order.saga.orders' });
export const ORDER_SAGA_CONSUMERS = [ORDER_SAGA_INVENTORY, ORDER_SAGA_PAYMENTS, ORDER_SAGA_ORDERS] as const;
