import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../../auth/context.decorators';
import type { Principal } from '../../../auth/principal';
import { pageComplexity } from '../../../graphql/page-complexity';
import { SagaStateModel } from '../../models/saga-state.model';
import { DEFAULT_SAGA_PAGE, ListSagasQuery } from './list-sagas.query';

@Resolver()
export class ListSagasResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [SagaStateModel], {
    name: 'sagas',
    description: 'admin: sagas by state; overdue = past their deadline and not finished',
    complexity: pageComplexity(DEFAULT_SAGA_PAGE),
  })
  sagas(
    @CurrentPrincipal() principal: Principal | null,
    @Args('state', { type: () => String, nullable: true }) state: string | null,
    @Args('overdue', { type: () => Boolean, nullable: true }) overdue: boolean | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_SAGA_PAGE }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return this.queries.execute(new ListSagasQuery(principal, { state, overdue, first, after }));
  }
}
