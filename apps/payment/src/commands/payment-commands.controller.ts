import { Controller, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandSecurity, COMMANDS, type CommandReply, metaOf, type ProcessPaymentResult, type RefundPaymentResult, toReply } from '@app/commands';
import { isTransient } from '@app/messaging';
import { ProcessPaymentCommand } from './process-payment/process-payment.command';
import { parseProcessPaymentInput } from './process-payment/process-payment.input';
import { RefundPaymentCommand } from './refund-payment/refund-payment.command';
import { parseRefundPaymentInput } from './refund-payment/refund-payment.input';

/**
 * The Kafka edge of the service: parse, dispatch, reply. Decisions live in the handlers. Both
 * commands come from the order saga, one way (no one reads a reply; errors are logged), signed by
 * the order service, so `issuedBy` is null. The card token is sealed to this service by the
 * gateway (the order service only forwards it) and opened only here; toReply logs errors only.
 */
@Controller()
export class PaymentCommandsController {
  private readonly log = new Logger(PaymentCommandsController.name);

  constructor(
    private readonly commandBus: CommandBus,
    private readonly security: CommandSecurity,
  ) {}

  @MessagePattern(COMMANDS.processPayment)
  process(@Payload() raw: unknown): Promise<CommandReply<ProcessPaymentResult>> {
    return toReply(this.log, COMMANDS.processPayment, () => {
      const message = this.security.verify(COMMANDS.processPayment, raw);
      return this.commandBus.execute(new ProcessPaymentCommand(parseProcessPaymentInput(this.security.unsealIn(message.data, 'paymentToken')), metaOf(message)));
    }, raw);
  }

  /**
   * One way, so no caller retries it: an outage (the database refusing connections) must not
   * turn into a reply nobody reads, or a cancelled order could stay charged. It rethrows
   * instead, and kafkajs delivers the same command again until it goes through (the handler is
   * idempotent per order). Bad input and bugs are answered and logged like any command.
   */
  @MessagePattern(COMMANDS.refundPayment)
  async refund(@Payload() raw: unknown): Promise<CommandReply<RefundPaymentResult>> {
    let outage: unknown;
    const reply = await toReply(this.log, COMMANDS.refundPayment, () => {
      const message = this.security.verify(COMMANDS.refundPayment, raw);
      return this.commandBus.execute(new RefundPaymentCommand(parseRefundPaymentInput(message.data), metaOf(message))).catch((err: unknown) => {
        if (isTransient(err)) outage = err;
        throw err;
      });
    }, raw);
    if (outage) throw outage;
    return reply;
  }
}
