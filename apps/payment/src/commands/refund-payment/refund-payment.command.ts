import { Command } from '@nestjs/cqrs';
import type { CommandMeta, RefundPaymentResult } from '@app/commands';
import type { RefundPaymentInput } from './refund-payment.input';

export class RefundPaymentCommand extends Command<RefundPaymentResult> {
  constructor(
    readonly input: RefundPaymentInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
