import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../auth/principal';
import type { CommandResultModel } from '../../shared/command-result.model';
import type { Consistency } from '../../shared/consistency.enum';

export class CancelOrderCommand extends Command<CommandResultModel> {
  constructor(
    readonly principal: Principal | null,
    readonly orderId: string,
    readonly reason: string | null,
    readonly consistency: Consistency,
  ) {
    super();
  }
}
