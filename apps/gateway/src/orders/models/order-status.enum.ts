import { registerEnumType } from '@nestjs/graphql';
import type { OrderStatus } from '@app/read-model';

/** API.graphql's `enum OrderStatus`; values equal order_view.status. */
export const OrderStatusEnum = {
  PENDING: 'PENDING',
  AWAITING_PAYMENT: 'AWAITING_PAYMENT',
  CONFIRMED: 'CONFIRMED',
  CANCELLED: 'CANCELLED',
} as const satisfies Record<OrderStatus, OrderStatus>;

registerEnumType(OrderStatusEnum, { name: 'OrderStatus' });
