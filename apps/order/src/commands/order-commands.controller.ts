import { Controller, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessagePattern, Payload, Transport } from '@nestjs/microservices';
import { CommandSecurity, COMMANDS, metaOf, toReply, type CancelOrderResult, type CommandReply, type CreateOrderResult } from '@app/commands';
import { fromCommand } from './append-context';
import { CancelOrderCommand } from './cancel-order/cancel-order.command';
import { parseCancelOrderInput } from './cancel-order/cancel-order.input';
import { CreateOrderCommand } from './create-order/create-order.command';
import { parseCreateOrderInput } from './create-order/create-order.input';
import { signedIn } from './signed-in';

/**
 * The Kafka edge of the service: parse, dispatch, reply. Decisions live in the handlers.
 * `Transport.KAFKA` binds these to the command server only: without it Nest would also bind them
 * to the saga's ConsumerServer, whose group would then take commands too.
 */
@Controller()
export class OrderCommandsController {
  private readonly log = new Logger(OrderCommandsController.name);

  constructor(
    private readonly commandBus: CommandBus,
    private readonly security: CommandSecurity,
  ) {}

  @MessagePattern(COMMANDS.createOrder, Transport.KAFKA)
  create(@Payload() raw: unknown): Promise<CommandReply<CreateOrderResult>> {
    return toReply(this.log, COMMANDS.createOrder, () => {
      const message = this.security.verify(COMMANDS.createOrder, raw);
      const issuer = signedIn(message);
      return this.commandBus.execute(new CreateOrderCommand(parseCreateOrderInput(message.data), issuer, metaOf(message)));
    }, raw);
  }

  @MessagePattern(COMMANDS.cancelOrder, Transport.KAFKA)
  cancel(@Payload() raw: unknown): Promise<CommandReply<CancelOrderResult>> {
    return toReply(this.log, COMMANDS.cancelOrder, async () => {
      const message = this.security.verify(COMMANDS.cancelOrder, raw);
      const issuer = signedIn(message);
      const { orderId, detail } = parseCancelOrderInput(message.data);
      const context = fromCommand(metaOf(message), issuer.userId);
      // Defined for a customer: the handler answers NOT_FOUND rather than skip.
      return (await this.commandBus.execute(new CancelOrderCommand(orderId, 'CANCELLED_BY_CUSTOMER', issuer, context, detail)))!;
    }, raw);
  }
}
