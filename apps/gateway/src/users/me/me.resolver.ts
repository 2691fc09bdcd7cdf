import { QueryBus } from '@nestjs/cqrs';
import { Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { UserModel } from '../models/user.model';
import { MeQuery } from './me.query';

@Resolver()
export class MeResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => UserModel, { name: 'me', nullable: true })
  me(@CurrentPrincipal() principal: Principal | null) {
    return this.queries.execute(new MeQuery(principal));
  }
}
