import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { UserModel } from '../models/user.model';
import { GetUserQuery } from './get-user.query';

@Resolver()
export class GetUserResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => UserModel, { name: 'user', nullable: true, description: 'self or admin' })
  user(@CurrentPrincipal() principal: Principal | null, @Args('id', { type: () => ID }) id: string) {
    return this.queries.execute(new GetUserQuery(principal, id));
  }
}
