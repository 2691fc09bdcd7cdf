import { Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { OrderView } from '@app/read-model';
import type { GatewayContext } from '../auth/request-context';
import { batchScope } from '../graphql/batch-scope';
import { UserModel } from '../users/models/user.model';
import { OrderModel } from './models/order.model';
import { PaymentModel } from './models/payment.model';
import { OrderLoaders } from './order-loaders';

/**
 * `Order.user` and `Order.payment`, batched per request. No access check here: an Order reaches
 * a client only through queries and subscriptions that checked it (owner or admin), and both
 * belong to the order.
 */
@Resolver(() => OrderModel)
export class OrderFieldsResolver {
  constructor(private readonly loaders: OrderLoaders) {}

  @ResolveField('user', () => UserModel, { nullable: true })
  user(@Parent() order: OrderView, @Context() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return this.loaders.of(batchScope(ctx, info)).user.load(order.userId);
  }

  @ResolveField('payment', () => PaymentModel, { nullable: true })
  payment(@Parent() order: OrderView, @Context() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return this.loaders.of(batchScope(ctx, info)).payment.load(order.id);
  }
}
