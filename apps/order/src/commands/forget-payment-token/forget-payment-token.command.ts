import { Command } from '@nestjs/cqrs';

/** The order is final: its card token is of no further use and is not kept. */
export class ForgetPaymentTokenCommand extends Command<void> {
  constructor(readonly orderId: string) {
    super();
  }
}
