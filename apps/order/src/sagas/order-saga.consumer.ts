import { defineConsumer } from '@app/messaging';

/**
 * The saga listens in two groups of its own, one per topic, so that each lags, fails and replays
 * alone, and a slow payment step (it waits for the payment service's reply) never holds up the
 * inventory outcomes of other orders, nor the other way round.
 */
export const ORDER_SAGA_INVENTORY = defineConsumer({ name: 'order-saga', groupId: 'order.saga', clientId: 'order.saga' });
export const ORDER_SAGA_PAYMENTS = defineConsumer({ name: 'order-saga-payments', groupId: 'order.saga.payments', clientId: 'order.saga.payments' });
