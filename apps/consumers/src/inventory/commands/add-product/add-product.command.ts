import { Command } from '@nestjs/cqrs';
import type { AddProductResult, CommandMeta } from '@app/commands';
import type { AddProductInput } from './add-product.input';

export class AddProductCommand extends Command<AddProductResult> {
  constructor(
    readonly input: AddProductInput,
    readonly meta: CommandMeta,
    /** The admin who issued it. */
    readonly userId: string,
  ) {
    super();
  }
}
