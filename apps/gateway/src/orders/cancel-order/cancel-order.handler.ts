import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { type CancelOrderData, COMMANDS } from '@app/commands';
import { requireSignedIn } from '../../auth/require-principal';
import { CommandClient } from '../../command-client/command-client';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../../gateway-settings';
import { type CommandResultModel, commandResultSchema } from '../../shared/command-result.model';
import { validateInput } from '../../shared/validate-input';
import { OrderViewReader } from '../order-view.reader';
import { CancelOrderCommand } from './cancel-order.command';

// Keys are the mutation's argument names, so `field` names what the client sent.
const cancelSchema = z.object({
  id: z.uuid({ error: 'id must be a UUID' }),
  // OrderCancelled keeps a customer's words in `detail`, at most 500 characters.
  reason: z.string().max(500, 'reason is at most 500 characters').nullish(),
});

/**
 * Sends commands.order.cancel. Owner-or-admin and "only before CONFIRMED" are the order
 * service's decisions (FORBIDDEN, NOT_FOUND, CONFLICT come from there): it reads the order's own
 * stream, while the read model here may lag. PROJECTED waits until order_view.version reaches
 * the reply's version; past READ_MODEL_WAIT_MS it answers anyway (the cancel is stored, and a
 * retry would only meet CONFLICT).
 */
@CommandHandler(CancelOrderCommand)
export class CancelOrderHandler implements ICommandHandler<CancelOrderCommand> {
  private readonly logger = new Logger(CancelOrderHandler.name);

  constructor(
    private readonly commands: CommandClient,
    private readonly orders: OrderViewReader,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async execute({ principal, orderId, reason, consistency }: CancelOrderCommand): Promise<CommandResultModel> {
    const caller = requireSignedIn(principal, 'cancel an order');
    const checked = validateInput(cancelSchema, { id: orderId, reason });
    const data: CancelOrderData = checked.reason ? { orderId, reason: checked.reason } : { orderId };
    const result = await this.commands.send(COMMANDS.cancelOrder, { key: orderId, data, issuedBy: { userId: caller.userId, role: caller.role } }, commandResultSchema);
    if (consistency !== 'PROJECTED') return result;

    if (!(await this.orders.waitForVersion(orderId, result.version, this.settings.readModelWaitMs))) {
      this.logger.warn(`order ${orderId} not at version ${result.version} in the read model after ${this.settings.readModelWaitMs} ms`);
    }
    return result;
  }
}
