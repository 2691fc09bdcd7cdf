import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { COMMANDS, CommandSecurity } from '@app/commands';
import { TokenService } from '../../auth/token.service';
import { CommandClient } from '../../command-client/command-client';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../../gateway-settings';
import { type AuthPayload, emailKey, roleSchema } from '../auth-payload';
import { UserViewReader } from '../user-view.reader';
import { RegisterUserCommand } from './register-user.command';

/** The user service's reply to commands.user.register. */
const registeredSchema = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: roleSchema, registeredAt: z.iso.datetime({ offset: true }) }),
  result: z.object({ aggregateId: z.string(), version: z.number(), position: z.string() }),
});

/**
 * Registers through the user service, then waits until the read model shows the user, so the
 * client's next `me` finds it. The token is signed from the reply: it works at once.
 */
@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  private readonly logger = new Logger(RegisterUserHandler.name);

  constructor(
    private readonly commands: CommandClient,
    private readonly users: UserViewReader,
    private readonly tokens: TokenService,
    private readonly security: CommandSecurity,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async execute({ input, clientIp }: RegisterUserCommand): Promise<AuthPayload> {
    const { user } = await this.commands.send(
      COMMANDS.registerUser,
      // The password is sealed to the user service: Kafka and its retention never see it in clear.
      { key: emailKey(input.email), data: { ...input, password: this.security.seal('user', 'password', input.password), clientAddress: clientIp }, issuedBy: null },
      registeredSchema,
    );
    const token = this.tokens.issue(user);
    const projected = await this.users.waitForUser(user.id, this.settings.readModelWaitMs);
    if (projected) return { token, user: projected };
    // The user exists (the event is stored) and only the projection lags: failing here would
    // lose the token, and a retry would get CONFLICT. Answer from the reply instead.
    this.logger.warn(`user ${user.id} not in the read model after ${this.settings.readModelWaitMs} ms; answering from the reply`);
    return { token, user: { ...user, registeredAt: new Date(user.registeredAt) } };
  }
}
