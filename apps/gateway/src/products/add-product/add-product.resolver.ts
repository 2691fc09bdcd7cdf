import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { CommandResultModel } from '../../shared/command-result.model';
import { type Consistency, ConsistencyEnum } from '../../shared/consistency.enum';
import { AddProductCommand } from './add-product.command';

@Resolver()
export class AddProductResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => CommandResultModel, { name: 'addProduct', description: 'admin' })
  addProduct(
    @CurrentPrincipal() principal: Principal | null,
    @Args('sku', { type: () => ID }) sku: string,
    @Args('name', { type: () => String }) name: string,
    @Args('priceCents', { type: () => Int }) priceCents: number,
    @Args('initialStock', { type: () => Int }) initialStock: number,
    @Args('consistency', { type: () => ConsistencyEnum, nullable: true, defaultValue: 'EVENTUAL' }) consistency: Consistency | null,
  ) {
    return this.commands.execute(new AddProductCommand(principal, { sku, name, priceCents, initialStock }, consistency ?? 'EVENTUAL'));
  }
}
