import { Controller, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { COMMANDS, type CommandReply, metaOf, parseCommandMessage, type ProcessPaymentResult, type RefundPaymentResult, toReply } from '@app/commands';
import { ProcessPaymentCommand } from './process-payment/process-payment.command';
import { parseProcessPaymentInput } from './process-payment/process-payment.input';
import { RefundPaymentCommand } from './refund-payment/refund-payment.command';
import { parseRefundPaymentInput } from './refund-payment/refund-payment.input';

/**
 * The Kafka edge of the service: parse, dispatch, reply. Decisions live in the handlers. Both
 * commands come from the order saga, one way (no one reads a reply; errors are logged), so
 * `issuedBy` is null. toReply logs errors only, never the command (it holds the card token).
 */
@Controller()
export class PaymentCommandsController {
  private readonly log = new Logger(PaymentCommandsController.name);

  constructor(private readonly commandBus: CommandBus) {}

  @MessagePattern(COMMANDS.processPayment)
  process(@Payload() raw: unknown): Promise<CommandReply<ProcessPaymentResult>> {
    return toReply(this.log, COMMANDS.processPayment, () => {
      const message = parseCommandMessage(raw);
      return this.commandBus.execute(new ProcessPaymentCommand(parseProcessPaymentInput(message.data), metaOf(message)));
    });
  }

  @MessagePattern(COMMANDS.refundPayment)
  refund(@Payload() raw: unknown): Promise<CommandReply<RefundPaymentResult>> {
    return toReply(this.log, COMMANDS.refundPayment, () => {
      const message = parseCommandMessage(raw);
      return this.commandBus.execute(new RefundPaymentCommand(parseRefundPaymentInput(message.data), metaOf(message)));
    });
  }
}
