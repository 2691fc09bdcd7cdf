import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { COMMANDS } from '@app/commands';
import { requireAdmin } from '../../auth/require-principal';
import { CommandClient } from '../../command-client/command-client';
import type { RebuildJobModel } from '../models/system-status.model';
import { RebuildProjectionCommand } from './rebuild-projection.command';

const jobSchema = z.object({
  id: z.string(),
  projection: z.string(),
  state: z.string(),
  processed: z.number().int(),
  total: z.number().int().nullable(),
  startedAt: z.coerce.date(),
  finishedAt: z.coerce.date().nullable(),
});

/**
 * Admin only. The consumers app owns the read models, so it runs the rebuild: this asks it to
 * start one and answers the job it started (at once; systemStatus.rebuilds shows its progress).
 */
@CommandHandler(RebuildProjectionCommand)
export class RebuildProjectionHandler implements ICommandHandler<RebuildProjectionCommand> {
  constructor(private readonly commands: CommandClient) {}

  execute({ principal, name }: RebuildProjectionCommand): Promise<RebuildJobModel> {
    const admin = requireAdmin(principal, 'rebuild read models');
    return this.commands.send(COMMANDS.rebuildProjection, { key: name, data: { name }, issuedBy: { userId: admin.userId, role: admin.role } }, jobSchema);
  }
}
