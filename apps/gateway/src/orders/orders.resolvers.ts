import { CancelOrderResolver } from './cancel-order/cancel-order.resolver';
import { CreateOrderResolver } from './create-order/create-order.resolver';
import { GetOrderResolver } from './get-order/get-order.resolver';
import { OrdersResolver } from './list-orders/orders.resolver';
import { UserOrdersResolver } from './list-orders/user-orders.resolver';
import { OrderFieldsResolver } from './order-fields.resolver';

/** Also read by the schema-contract spec (through GATEWAY_RESOLVERS). */
export const ORDER_RESOLVERS = [GetOrderResolver, OrdersResolver, UserOrdersResolver, OrderFieldsResolver, CreateOrderResolver, CancelOrderResolver];
