import { Command } from '@nestjs/cqrs';
import type { CommandMeta, ProcessPaymentResult } from '@app/commands';
import type { ProcessPaymentInput } from './process-payment.input';

export class ProcessPaymentCommand extends Command<ProcessPaymentResult> {
  constructor(
    readonly input: ProcessPaymentInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
