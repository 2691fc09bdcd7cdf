import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { settleDeadLettersCommandOf } from '@app/commands';
import { requireAdmin } from '../../../auth/require-principal';
import { CommandClient } from '../../../command-client/command-client';
import { ApiError } from '../../../errors/api-error';
import { SettleDeadLettersCommand } from './settle-dead-letters.command';

const settledSchema = z.object({ settled: z.number().int().min(0) });

/**
 * Admin only. The gateway may read every group's dead letters but write none of their topics: a
 * redrive or discard is a command to the app that owns the group, which settles the entries and
 * records it in the group's audit log (settleDeadLetters). Answers how many were settled now.
 */
@CommandHandler(SettleDeadLettersCommand)
export class SettleDeadLettersHandler implements ICommandHandler<SettleDeadLettersCommand> {
  constructor(private readonly commands: CommandClient) {}

  async execute({ principal, request }: SettleDeadLettersCommand): Promise<number> {
    const caller = requireAdmin(principal, `${request.action === 'REDRIVE' ? 'redrive' : 'discard'} dead letters`);
    const pattern = settleDeadLettersCommandOf(request.group);
    if (!pattern) throw new ApiError('NOT_FOUND', `No consumer group ${request.group} has dead letters here`, 'group');
    const { settled } = await this.commands.send(pattern, { key: request.group, data: request, issuedBy: { userId: caller.userId, role: caller.role } }, settledSchema);
    return settled;
  }
}
