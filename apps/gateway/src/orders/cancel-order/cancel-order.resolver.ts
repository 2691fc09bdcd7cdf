import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { CommandResultModel } from '../../shared/command-result.model';
import { type Consistency, ConsistencyEnum } from '../../shared/consistency.enum';
import { CancelOrderCommand } from './cancel-order.command';

@Resolver()
export class CancelOrderResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => CommandResultModel, { name: 'cancelOrder', description: 'owner or admin; only before CONFIRMED' })
  cancelOrder(
    @CurrentPrincipal() principal: Principal | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
    @Args('consistency', { type: () => ConsistencyEnum, nullable: true, defaultValue: 'EVENTUAL' }) consistency: Consistency | null,
  ) {
    return this.commands.execute(new CancelOrderCommand(principal, id, reason, consistency ?? 'EVENTUAL'));
  }
}
