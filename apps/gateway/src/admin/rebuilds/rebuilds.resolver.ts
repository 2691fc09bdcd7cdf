import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { RebuildJobModel } from '../models/system-status.model';
import { RebuildProjectionCommand } from './rebuild-projection.command';

@Resolver()
export class RebuildsResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => RebuildJobModel, { description: 'admin: rebuilds a read model blue/green from the event stores; returns at once, progress in systemStatus' })
  rebuildProjection(@CurrentPrincipal() principal: Principal | null, @Args('name') name: string) {
    return this.commands.execute(new RebuildProjectionCommand(principal, name));
  }
}
