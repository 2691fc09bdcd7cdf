import { QueryBus } from '@nestjs/cqrs';
import { Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { SystemStatusModel } from '../models/system-status.model';
import { SystemStatusQuery } from './system-status.query';

@Resolver()
export class SystemStatusResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => SystemStatusModel, { name: 'systemStatus', description: 'admin: consumer groups, relays and dead letters at a glance' })
  systemStatus(@CurrentPrincipal() principal: Principal | null) {
    return this.queries.execute(new SystemStatusQuery(principal));
  }
}
