import { RecordOrderAwaitingPayment } from './order-awaiting-payment.handler';
import { RecordOrderCancelled } from './order-cancelled.handler';
import { RecordOrderConfirmed } from './order-confirmed.handler';
import { RecordOrderCreated } from './order-created.handler';

export { RecordOrderAwaitingPayment, RecordOrderCancelled, RecordOrderConfirmed, RecordOrderCreated };
export const ORDER_FACT_HANDLERS = [RecordOrderCreated, RecordOrderAwaitingPayment, RecordOrderConfirmed, RecordOrderCancelled];
