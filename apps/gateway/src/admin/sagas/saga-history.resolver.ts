import { Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../../auth/request-context';
import { batchScope } from '../../graphql/batch-scope';
import { StoredEventModel } from '../../stored-events/models/stored-event.model';
import { SagaStateModel } from '../models/saga-state.model';
import { SagaHistoryLoaders } from './saga-history.loader';

/**
 * `SagaState.history`. No access check here: a SagaState reaches a client only through `saga` and
 * `sagas`, which are admin only.
 */
@Resolver(() => SagaStateModel)
export class SagaHistoryResolver {
  constructor(private readonly loaders: SagaHistoryLoaders) {}

  @ResolveField('history', () => [StoredEventModel], { description: 'the events the saga handled, in order' })
  async history(@Parent() saga: SagaStateModel, @Context() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return (await this.loaders.of(batchScope(ctx, info)).load(saga.orderId)) ?? [];
  }
}
