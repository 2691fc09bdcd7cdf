import { Command } from '@nestjs/cqrs';
import type { CommandMeta, CreateOrderResult } from '@app/commands';
import type { Issuer } from '../signed-in';
import type { CreateOrderInput } from './create-order.input';

/** `issuedBy` becomes the owner of the order. */
export class CreateOrderCommand extends Command<CreateOrderResult> {
  constructor(
    readonly input: CreateOrderInput,
    readonly issuedBy: Issuer,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
