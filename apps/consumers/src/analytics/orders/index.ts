import { OrderAwaitingPaymentHandler } from './order-awaiting-payment.handler';
import { OrderCancelledHandler } from './order-cancelled.handler';
import { OrderConfirmedHandler } from './order-confirmed.handler';
import { OrderCreatedHandler } from './order-created.handler';

export { OrderAwaitingPaymentHandler, OrderCancelledHandler, OrderConfirmedHandler, OrderCreatedHandler };
export const ORDER_FACT_HANDLERS = [OrderCreatedHandler, OrderAwaitingPaymentHandler, OrderConfirmedHandler, OrderCancelledHandler];
