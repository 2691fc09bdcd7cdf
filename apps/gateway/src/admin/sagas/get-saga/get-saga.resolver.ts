import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../../auth/context.decorators';
import type { Principal } from '../../../auth/principal';
import { SagaStateModel } from '../../models/saga-state.model';
import { GetSagaQuery } from './get-saga.query';

@Resolver()
export class GetSagaResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => SagaStateModel, { name: 'saga', nullable: true, description: "admin: one order's saga" })
  saga(@CurrentPrincipal() principal: Principal | null, @Args('orderId', { type: () => ID }) orderId: string) {
    return this.queries.execute(new GetSagaQuery(principal, orderId));
  }
}
