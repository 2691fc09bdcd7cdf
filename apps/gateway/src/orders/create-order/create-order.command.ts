import { Command } from '@nestjs/cqrs';
import type { OrderView } from '@app/read-model';
import type { Principal } from '../../auth/principal';
import type { CommandResultModel } from '../../shared/command-result.model';
import type { Consistency } from '../../shared/consistency.enum';
import type { CreateOrderInput } from './create-order.input';

export interface CreateOrderPayload {
  orderId: string;
  result: CommandResultModel;
  order: OrderView | null;
}

export class CreateOrderCommand extends Command<CreateOrderPayload> {
  constructor(
    readonly principal: Principal | null,
    readonly input: CreateOrderInput,
    readonly consistency: Consistency,
  ) {
    super();
  }
}
