import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { COMMANDS } from '@app/commands';
import { requireAdmin } from '../../auth/require-principal';
import { CommandClient } from '../../command-client/command-client';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../../gateway-settings';
import { type CommandResultModel, commandResultSchema } from '../../shared/command-result.model';
import { validateInput } from '../../shared/validate-input';
import { addProductSchema } from '../product-input.schema';
import { ProductViewReader } from '../product-view.reader';
import { AddProductCommand } from './add-product.command';

/**
 * Admin only; sends commands.inventory.add-product keyed by sku. PROJECTED waits until
 * product_view has the sku. product_view.version is inventory's own counter, not the product
 * stream's version in the reply, so the row's existence is the only sign; past
 * READ_MODEL_WAIT_MS it answers anyway (the product is stored; a retry would meet CONFLICT).
 */
@CommandHandler(AddProductCommand)
export class AddProductHandler implements ICommandHandler<AddProductCommand> {
  private readonly logger = new Logger(AddProductHandler.name);

  constructor(
    private readonly commands: CommandClient,
    private readonly products: ProductViewReader,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async execute({ principal, product, consistency }: AddProductCommand): Promise<CommandResultModel> {
    const caller = requireAdmin(principal, 'add products');
    const data = validateInput(addProductSchema, product);
    const result = await this.commands.send(COMMANDS.addProduct, { key: data.sku, data, issuedBy: { userId: caller.userId, role: caller.role } }, commandResultSchema);
    if (consistency !== 'PROJECTED') return result;

    if (!(await this.products.waitFor(data.sku, () => true, this.settings.readModelWaitMs))) {
      this.logger.warn(`product ${data.sku} not in the read model after ${this.settings.readModelWaitMs} ms`);
    }
    return result;
  }
}
