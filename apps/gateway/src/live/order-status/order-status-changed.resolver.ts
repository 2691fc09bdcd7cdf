import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import type { OrderView } from '@app/read-model';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { OrderModel } from '../../orders/models/order.model';
import { OrderStatusFeed } from './order-status-feed';

@Resolver()
export class OrderStatusChangedResolver {
  constructor(private readonly feed: OrderStatusFeed) {}

  // The feed yields the Order itself (Nest's default would read payload.orderStatusChanged).
  @Subscription(() => OrderModel, { name: 'orderStatusChanged', description: 'owner or admin; emits the order on every status change', resolve: (order: OrderView) => order })
  orderStatusChanged(@CurrentPrincipal() principal: Principal | null, @Args('orderId', { type: () => ID }) orderId: string) {
    return this.feed.follow(principal, orderId);
  }
}
