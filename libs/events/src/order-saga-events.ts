import type { EventClass } from './define-event';
import { InventoryReservationFailed, InventoryReserved } from './inventory';
import { OrderCancelled, OrderConfirmed, OrderCreated } from './orders';
import { PaymentFailed, PaymentProcessed, PaymentRefunded } from './payments';

/**
 * The events the order-fulfilment saga reacts to (apps/order/src/sagas/order-fulfilment.saga.ts).
 * Here, not in the order app, because the gateway's admin `saga(orderId)` shows them as the saga's
 * history; a spec beside the saga fails when the two disagree. Every one carries `orderId`
 * (`any`, as ALL_CONTRACTS: a constructor of one payload is no constructor of another).
 */
export const ORDER_SAGA_REACTS_TO: readonly EventClass<any>[] = [
  InventoryReserved,
  InventoryReservationFailed,
  PaymentProcessed,
  PaymentFailed,
  OrderCancelled,
  OrderConfirmed,
  PaymentRefunded,
];

/**
 * A saga's history as an operator reads it: the OrderCreated that opened it (its row and deadline
 * are written in that event's transaction), then every event it reacted to.
 */
export const ORDER_SAGA_HISTORY: readonly EventClass<any>[] = [OrderCreated, ...ORDER_SAGA_REACTS_TO];
