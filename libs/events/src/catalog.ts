import type { EventClass } from './define-event';
import { InventoryCommitted, InventoryReleased, InventoryReservationFailed, InventoryReserved, ProductAdded, StockAdjusted } from './inventory';
import { OrderAwaitingPayment, OrderCancelled, OrderCancelledV1, orderCancelledV1ToV2, OrderConfirmed, OrderCreated, OrderRefunded } from './orders';
import { NotificationCreated } from './notifications';
import { PaymentFailed, PaymentProcessed, PaymentRefunded } from './payments';
import { EventRegistry, type Upcaster } from './registry';
import { UserRegistered, UserRegisteredV1, userRegisteredV1ToV2, UserTokensRevoked } from './users';

/** Every contract ever published, old versions included: stored events are read at their version. */
export const ALL_CONTRACTS: readonly EventClass<any>[] = [
  UserRegisteredV1,
  UserRegistered,
  UserTokensRevoked,
  ProductAdded,
  StockAdjusted,
  InventoryReserved,
  InventoryReservationFailed,
  InventoryReleased,
  InventoryCommitted,
  OrderCreated,
  OrderAwaitingPayment,
  OrderConfirmed,
  OrderCancelledV1,
  OrderCancelled,
  OrderRefunded,
  PaymentProcessed,
  PaymentFailed,
  PaymentRefunded,
  NotificationCreated,
];

export const UPCASTERS: readonly Upcaster[] = [userRegisteredV1ToV2, orderCancelledV1ToV2];

export const EVENT_REGISTRY = new EventRegistry(ALL_CONTRACTS, UPCASTERS);
