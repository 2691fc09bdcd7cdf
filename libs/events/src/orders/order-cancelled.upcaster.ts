import type { Upcaster } from '../registry';
import type { OrderCancelled } from './order-cancelled.event';
import type { OrderCancelledV1 } from './order-cancelled.v1.event';

/** v2 only added a reason: every v1 payload is a valid v2 payload as it stands. */
export const orderCancelledV1ToV2: Upcaster = {
  type: 'OrderCancelled',
  fromVersion: 1,
  upcast: (payload: OrderCancelledV1['payload']): OrderCancelled['payload'] => payload,
};
