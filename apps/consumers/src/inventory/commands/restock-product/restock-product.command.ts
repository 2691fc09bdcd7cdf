import { Command } from '@nestjs/cqrs';
import type { CommandMeta, RestockProductResult } from '@app/commands';
import type { RestockProductInput } from './restock-product.input';

export class RestockProductCommand extends Command<RestockProductResult> {
  constructor(
    readonly input: RestockProductInput,
    readonly meta: CommandMeta,
    /** The admin who issued it. */
    readonly userId: string,
  ) {
    super();
  }
}
