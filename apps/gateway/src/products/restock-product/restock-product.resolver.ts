import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { CommandResultModel } from '../../shared/command-result.model';
import { type Consistency, ConsistencyEnum } from '../../shared/consistency.enum';
import { RestockProductCommand } from './restock-product.command';

@Resolver()
export class RestockProductResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => CommandResultModel, { name: 'restockProduct', description: 'admin; quantity > 0' })
  restockProduct(
    @CurrentPrincipal() principal: Principal | null,
    @Args('sku', { type: () => ID }) sku: string,
    @Args('quantity', { type: () => Int }) quantity: number,
    @Args('consistency', { type: () => ConsistencyEnum, nullable: true, defaultValue: 'EVENTUAL' }) consistency: Consistency | null,
  ) {
    return this.commands.execute(new RestockProductCommand(principal, { sku, quantity }, consistency ?? 'EVENTUAL'));
  }
}
