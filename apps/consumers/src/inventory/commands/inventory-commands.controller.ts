import { Controller, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessagePattern, Payload, Transport } from '@nestjs/microservices';
import { CommandSecurity, type AddProductResult, COMMANDS, type CommandReply, metaOf, requireAdmin, type RestockProductResult, toReply } from '@app/commands';
import { AddProductCommand } from './add-product/add-product.command';
import { parseAddProductInput } from './add-product/add-product.input';
import { RestockProductCommand } from './restock-product/restock-product.command';
import { parseRestockProductInput } from './restock-product/restock-product.input';

/**
 * The Kafka edge of inventory's commands: parse, authorise, dispatch, reply.
 * `Transport.KAFKA` binds these to the command server only: this app also runs one
 * ConsumerServer per consumer, and a pattern without a transport id is bound to every server,
 * which would make each consumer group subscribe to the command topics and answer them too.
 */
@Controller()
export class InventoryCommandsController {
  private readonly log = new Logger(InventoryCommandsController.name);

  constructor(
    private readonly commandBus: CommandBus,
    private readonly security: CommandSecurity,
  ) {}

  @MessagePattern(COMMANDS.addProduct, Transport.KAFKA)
  addProduct(@Payload() raw: unknown): Promise<CommandReply<AddProductResult>> {
    return toReply(this.log, COMMANDS.addProduct, () => {
      const message = this.security.verify(COMMANDS.addProduct, raw);
      const admin = requireAdmin(message, 'manage products');
      return this.commandBus.execute(new AddProductCommand(parseAddProductInput(message.data), metaOf(message), admin.userId));
    }, raw);
  }

  @MessagePattern(COMMANDS.restockProduct, Transport.KAFKA)
  restockProduct(@Payload() raw: unknown): Promise<CommandReply<RestockProductResult>> {
    return toReply(this.log, COMMANDS.restockProduct, () => {
      const message = this.security.verify(COMMANDS.restockProduct, raw);
      const admin = requireAdmin(message, 'manage products');
      return this.commandBus.execute(new RestockProductCommand(parseRestockProductInput(message.data), metaOf(message), admin.userId));
    }, raw);
  }
}
