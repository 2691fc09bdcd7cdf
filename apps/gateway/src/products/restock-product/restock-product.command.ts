import { Command } from '@nestjs/cqrs';
import type { RestockProductData } from '@app/commands';
import type { Principal } from '../../auth/principal';
import type { CommandResultModel } from '../../shared/command-result.model';
import type { Consistency } from '../../shared/consistency.enum';

export class RestockProductCommand extends Command<CommandResultModel> {
  constructor(
    readonly principal: Principal | null,
    readonly restock: RestockProductData,
    readonly consistency: Consistency,
  ) {
    super();
  }
}
