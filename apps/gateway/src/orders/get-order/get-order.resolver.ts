import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { OrderModel } from '../models/order.model';
import { GetOrderQuery } from './get-order.query';

@Resolver()
export class GetOrderResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => OrderModel, { name: 'order', nullable: true, description: 'owner or admin' })
  order(@CurrentPrincipal() principal: Principal | null, @Args('id', { type: () => ID }) id: string) {
    return this.queries.execute(new GetOrderQuery(principal, id));
  }
}
