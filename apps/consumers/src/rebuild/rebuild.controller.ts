import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload, Transport } from '@nestjs/microservices';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { CommandRejected, CommandSecurity, COMMANDS, type CommandReply, parseInput, type RebuildJobResult, requireAdmin, toReply } from '@app/commands';
import { startRebuildJob } from './rebuild-job';
import { projectionsNamed } from './run-rebuild';

const input = z.object({ name: z.string({ message: 'name is required' }).trim().min(1, 'name is required').max(100, 'name must be at most 100 characters') });

/**
 * An admin's rebuildProjection: starts the job in this app (it owns the read models) and answers
 * at once with it; systemStatus.rebuilds shows its progress. The command's id is the job's, so a
 * resent command answers the same job. `Transport.KAFKA`: the command server only.
 */
@Controller()
export class RebuildController {
  private readonly log = new Logger(RebuildController.name);

  constructor(
    private readonly security: CommandSecurity,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @MessagePattern(COMMANDS.rebuildProjection, Transport.KAFKA)
  rebuild(@Payload() raw: unknown): Promise<CommandReply<RebuildJobResult>> {
    return toReply(this.log, COMMANDS.rebuildProjection, async () => {
      const message = this.security.verify(COMMANDS.rebuildProjection, raw);
      requireAdmin(message, 'rebuild read models');
      const { name } = parseInput(input, message.data);
      try {
        projectionsNamed(name);
      } catch (error) {
        throw new CommandRejected('BAD_USER_INPUT', (error as Error).message, 'name');
      }
      const { job, done } = await startRebuildJob(name, this.config, { id: message.commandId });
      this.log.log(`rebuild ${job.id} of ${name} started`);
      done.then(
        (results) => results.length && this.log.log(`rebuild ${job.id} of ${name} done: ${results.map((r) => `${r.events} events in ${r.seconds.toFixed(1)} s`).join(', ')}`),
        (error: unknown) => this.log.error(`rebuild ${job.id} of ${name} failed: ${error instanceof Error ? error.message : String(error)}`),
      );
      return job;
    }, raw);
  }
}
