import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { COMMANDS, CommandSecurity, type CreateOrderData } from '@app/commands';
import { requireSignedIn } from '../../auth/require-principal';
import { CommandClient } from '../../command-client/command-client';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../../gateway-settings';
import { commandResultSchema } from '../../shared/command-result.model';
import { validateInput } from '../../shared/validate-input';
import { OrderViewReader } from '../order-view.reader';
import { CreateOrderCommand, type CreateOrderPayload } from './create-order.command';
import { createOrderSchema } from './create-order.schema';

const createdSchema = z.object({ orderId: z.uuid(), result: commandResultSchema });

/**
 * Sends commands.order.create for the caller. PROJECTED then waits (up to READ_MODEL_WAIT_MS)
 * until order_view shows the order at the reply's version or later. Past the deadline it answers
 * with `order: null` rather than an error: the order exists, and an error would invite a retry
 * that, without an idempotency key, orders twice.
 */
@CommandHandler(CreateOrderCommand)
export class CreateOrderHandler implements ICommandHandler<CreateOrderCommand> {
  private readonly logger = new Logger(CreateOrderHandler.name);

  constructor(
    private readonly commands: CommandClient,
    private readonly orders: OrderViewReader,
    private readonly security: CommandSecurity,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async execute({ principal, input, consistency }: CreateOrderCommand): Promise<CreateOrderPayload> {
    const caller = requireSignedIn(principal, 'order');
    const { lines, paymentToken, idempotencyKey } = validateInput(createOrderSchema, input);
    // The card token is sealed to the payment service: the order service only keeps and forwards it.
    const sealed = this.security.seal('payment', 'paymentToken', paymentToken);
    const data: CreateOrderData = { lines, paymentToken: sealed, ...(idempotencyKey ? { idempotencyKey } : {}) };
    // Keyed by the user: one user's orders (and two tries with one idempotency key) are handled in order.
    const { orderId, result } = await this.commands.send(
      COMMANDS.createOrder,
      { key: caller.userId, data, issuedBy: { userId: caller.userId, role: caller.role } },
      createdSchema,
    );
    if (consistency !== 'PROJECTED') return { orderId, result, order: null };

    const order = await this.orders.waitForVersion(orderId, result.version, this.settings.readModelWaitMs);
    if (!order) this.logger.warn(`order ${orderId} not at version ${result.version} in the read model after ${this.settings.readModelWaitMs} ms`);
    return { orderId, result, order };
  }
}
