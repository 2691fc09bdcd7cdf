import { defineConsumer } from '@app/messaging';

/** Listens to inventory and payment outcomes; its own group, so it lags, fails and replays alone. */
export const ORDER_SAGA = defineConsumer({ name: 'order-saga', groupId: 'order.saga', clientId: 'order.saga' });
