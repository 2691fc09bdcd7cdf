import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type { OrderStatus } from '@app/read-model';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { OrderConnectionModel } from '../models/order-connection.model';
import { OrderStatusEnum } from '../models/order-status.enum';
import { pageComplexity } from '../../graphql/page-complexity';
import { DEFAULT_PAGE_SIZE, ListOrdersQuery } from './list-orders.query';

@Resolver()
export class OrdersResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => OrderConnectionModel, { name: 'orders', description: "the caller's orders; all orders for an admin", complexity: pageComplexity(DEFAULT_PAGE_SIZE) })
  orders(
    @CurrentPrincipal() principal: Principal | null,
    @Args('status', { type: () => OrderStatusEnum, nullable: true }) status: OrderStatus | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return this.queries.execute(new ListOrdersQuery(principal, { status, first, after }));
  }
}
