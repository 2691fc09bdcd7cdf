import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PaymentTokens } from '../../persistence/payment-tokens';
import { ForgetPaymentTokenCommand } from './forget-payment-token.command';

/**
 * Runs on OrderConfirmed and OrderCancelled. Only RequestPayment reads the token, and it does
 * nothing for a final order, so nothing needs it any more; a redelivery deletes nothing twice.
 */
@CommandHandler(ForgetPaymentTokenCommand)
export class ForgetPaymentTokenHandler implements ICommandHandler<ForgetPaymentTokenCommand> {
  constructor(private readonly tokens: PaymentTokens) {}

  async execute({ orderId }: ForgetPaymentTokenCommand): Promise<void> {
    await this.tokens.forget(orderId);
  }
}
