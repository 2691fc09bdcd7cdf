import { CommandBus } from '@nestjs/cqrs';
import { Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { LogoutCommand } from './logout.command';

@Resolver()
export class LogoutResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Boolean, {
    name: 'logout',
    description: 'Signs the caller out everywhere: every token issued to them until now is refused (UNAUTHENTICATED) from then on.',
  })
  logout(@CurrentPrincipal() principal: Principal | null) {
    return this.commands.execute(new LogoutCommand(principal));
  }
}
