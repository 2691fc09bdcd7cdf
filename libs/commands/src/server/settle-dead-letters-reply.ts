import { Controller, Inject, Logger, type Type } from '@nestjs/common';
import { MessagePattern, Payload, Transport } from '@nestjs/microservices';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig, type KafkaConnection } from '@app/config';
import { EVENT_REGISTRY } from '@app/events';
import { settleDeadLetters } from '@app/messaging';
import type { SettleDeadLettersResult } from '../command-data';
import { CommandRejected, type CommandReply } from '../command-message';
import { type CommandPattern, DEAD_LETTER_OWNERS, settleDeadLettersCommandOf } from '../patterns';
import { CommandSecurity } from '../security';
import { parseInput } from './parse-input';
import { requireAdmin } from './require-admin';
import { toReply } from './command-reply';

const input = z
  .object({
    group: z.string({ message: 'group is required' }).min(1, 'group is required'),
    ids: z.array(z.string().regex(/^\d+:\d+$/, 'ids are <partition>:<offset>'), { message: 'ids must be a list' }).min(1, 'ids must not be empty').max(1000, 'at most 1000 ids at once'),
    action: z.enum(['REDRIVE', 'DISCARD'], { message: 'action must be REDRIVE or DISCARD' }),
    reason: z.string().trim().max(500, 'reason must be at most 500 characters').optional(),
  })
  .refine((d) => d.action !== 'DISCARD' || !!d.reason, { message: 'a discard needs a reason', path: ['reason'] });

/**
 * The owning app's side of an admin's redrive or discard (COMMANDS.settle*DeadLetters): verified,
 * admin only, for a group of this app, then settleDeadLetters.
 */
const settleDeadLettersReply = (
  log: Logger,
  security: CommandSecurity,
  kafka: KafkaConnection,
  pattern: CommandPattern,
  raw: unknown,
): Promise<CommandReply<SettleDeadLettersResult>> =>
  toReply(log, pattern, async () => {
    const message = security.verify(pattern, raw);
    const admin = requireAdmin(message, 'manage dead letters');
    const data = parseInput(input, message.data);
    if (settleDeadLettersCommandOf(data.group) !== pattern) throw new CommandRejected('NOT_FOUND', `no consumer group ${data.group} in this service`, 'group');
    const settled = await settleDeadLetters(kafka, EVENT_REGISTRY, { groupId: data.group, ids: data.ids, action: data.action, reason: data.reason, actor: admin.userId, commandId: message.commandId });
    return { settled };
  });

/**
 * The controller an app that owns consumer groups adds (`controllers: [DeadLettersController('order')]`):
 * only it may write its groups' topics. `Transport.KAFKA` binds it to the command server alone,
 * not to the app's consumer servers.
 */
export const DeadLettersController = (app: keyof typeof DEAD_LETTER_OWNERS): Type => {
  const pattern = DEAD_LETTER_OWNERS[app];

  @Controller()
  class SettleDeadLettersController {
    private readonly log = new Logger(`DeadLettersController(${app})`);

    constructor(
      private readonly security: CommandSecurity,
      @Inject(APP_CONFIG) private readonly config: AppConfig,
    ) {}

    @MessagePattern(pattern, Transport.KAFKA)
    settle(@Payload() raw: unknown): Promise<CommandReply<SettleDeadLettersResult>> {
      return settleDeadLettersReply(this.log, this.security, this.config.kafka, pattern, raw);
    }
  }
  return SettleDeadLettersController;
};
