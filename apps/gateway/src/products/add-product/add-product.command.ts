import { Command } from '@nestjs/cqrs';
import type { AddProductData } from '@app/commands';
import type { Principal } from '../../auth/principal';
import type { CommandResultModel } from '../../shared/command-result.model';
import type { Consistency } from '../../shared/consistency.enum';

export class AddProductCommand extends Command<CommandResultModel> {
  constructor(
    readonly principal: Principal | null,
    readonly product: AddProductData,
    readonly consistency: Consistency,
  ) {
    super();
  }
}
