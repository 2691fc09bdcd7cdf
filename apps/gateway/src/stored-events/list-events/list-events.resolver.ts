import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { StoredEventModel } from '../models/stored-event.model';
import { ListEventsQuery } from './list-events.query';

@Resolver()
export class ListEventsResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [StoredEventModel], { name: 'events', description: 'admin, or the owner of the stream' })
  events(
    @CurrentPrincipal() principal: Principal | null,
    @Args('streamId', { type: () => String }) streamId: string,
    @Args('fromVersion', { type: () => Int, nullable: true, defaultValue: 0 }) fromVersion: number | null,
  ) {
    return this.queries.execute(new ListEventsQuery(principal, streamId, fromVersion));
  }
}
