import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { TraceModel } from '../models/trace.model';
import { TraceQuery } from './trace.query';

@Resolver()
export class TraceResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => TraceModel, { name: 'trace', description: 'admin: everything one correlation caused, across every service and sink, as a tree' })
  trace(@CurrentPrincipal() principal: Principal | null, @Args('correlationId', { type: () => ID }) correlationId: string) {
    return this.queries.execute(new TraceQuery(principal, correlationId));
  }
}
