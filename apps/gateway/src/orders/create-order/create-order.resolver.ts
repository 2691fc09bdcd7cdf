import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { type Consistency, ConsistencyEnum } from '../../shared/consistency.enum';
import { OrderPayloadModel } from '../models/order-payload.model';
import { CreateOrderCommand } from './create-order.command';
import { CreateOrderInput } from './create-order.input';

@Resolver()
export class CreateOrderResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => OrderPayloadModel, { name: 'createOrder' })
  createOrder(
    @CurrentPrincipal() principal: Principal | null,
    @Args('input', { type: () => CreateOrderInput }) input: CreateOrderInput,
    @Args('consistency', { type: () => ConsistencyEnum, nullable: true, defaultValue: 'EVENTUAL' }) consistency: Consistency | null,
  ) {
    return this.commands.execute(new CreateOrderCommand(principal, input, consistency ?? 'EVENTUAL'));
  }
}
