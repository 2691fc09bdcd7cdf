import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { UserModel } from '../../users/models/user.model';
import { OrderConnectionModel } from '../models/order-connection.model';
import { pageComplexity } from '../../graphql/page-complexity';
import { DEFAULT_PAGE_SIZE, ListOrdersQuery } from './list-orders.query';

/** `User.orders`: declared here, with the orders, rather than on UserModel. */
@Resolver(() => UserModel)
export class UserOrdersResolver {
  constructor(private readonly queries: QueryBus) {}

  @ResolveField('orders', () => OrderConnectionModel, { complexity: pageComplexity(DEFAULT_PAGE_SIZE) })
  orders(
    @Parent() user: Pick<UserModel, 'id'>,
    @CurrentPrincipal() principal: Principal | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return this.queries.execute(new ListOrdersQuery(principal, { ofUser: user.id, first, after }));
  }
}
