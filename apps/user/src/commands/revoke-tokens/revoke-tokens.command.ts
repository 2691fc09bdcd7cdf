import { Command } from '@nestjs/cqrs';
import type { CommandMessage, CommandMeta, CommandResult } from '@app/commands';
import type { RevokeTokensInput } from './revoke-tokens.input';

export class RevokeTokensCommand extends Command<CommandResult> {
  constructor(
    readonly input: RevokeTokensInput,
    /** The signed-in caller, as the gateway vouched for it (the command is signed). */
    readonly issuedBy: CommandMessage['issuedBy'],
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
