import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { COMMANDS } from '@app/commands';
import { requireAdmin } from '../../auth/require-principal';
import { CommandClient } from '../../command-client/command-client';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../../gateway-settings';
import { type CommandResultModel, commandResultSchema } from '../../shared/command-result.model';
import { validateInput } from '../../shared/validate-input';
import { restockProductSchema } from '../product-input.schema';
import { ProductViewReader } from '../product-view.reader';
import { RestockProductCommand } from './restock-product.command';

/**
 * Admin only; quantity > 0. PROJECTED: product_view.version is inventory's own counter (bumped by
 * restocks AND reservations), unrelated to the reply's stream version. So the gateway notes the
 * row's version before sending and waits until it has moved past it. Limitation: any change in
 * between (a reservation) moves it too, so the wait may end just before the restock shows. A
 * version snapshot rather than "updatedAt newer than the request start": it needs no agreement
 * between the gateway's clock and the writer's.
 */
@CommandHandler(RestockProductCommand)
export class RestockProductHandler implements ICommandHandler<RestockProductCommand> {
  private readonly logger = new Logger(RestockProductHandler.name);

  constructor(
    private readonly commands: CommandClient,
    private readonly products: ProductViewReader,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async execute({ principal, restock, consistency }: RestockProductCommand): Promise<CommandResultModel> {
    const caller = requireAdmin(principal, 'restock products');
    const data = validateInput(restockProductSchema, restock);
    const before = consistency === 'PROJECTED' ? ((await this.products.findBySku(data.sku))?.version ?? 0) : 0;
    const result = await this.commands.send(COMMANDS.restockProduct, { key: data.sku, data, issuedBy: { userId: caller.userId, role: caller.role } }, commandResultSchema);
    if (consistency !== 'PROJECTED') return result;

    if (!(await this.products.waitFor(data.sku, (product) => product.version > before, this.settings.readModelWaitMs))) {
      this.logger.warn(`product ${data.sku} not updated in the read model after ${this.settings.readModelWaitMs} ms`);
    }
    return result;
  }
}
