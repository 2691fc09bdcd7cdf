import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { COMMANDS, CommandSecurity } from '@app/commands';
import { TokenService } from '../../auth/token.service';
import { CommandClient } from '../../command-client/command-client';
import { ApiError } from '../../errors/api-error';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../../gateway-settings';
import { type AuthPayload, emailKey, roleSchema } from '../auth-payload';
import { UserViewReader } from '../user-view.reader';
import { LoginRateLimiter } from './login-rate-limiter';
import { LoginCommand } from './login.command';

/** The user service's reply to commands.user.authenticate. */
const authenticatedSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: roleSchema });

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  constructor(
    private readonly commands: CommandClient,
    private readonly users: UserViewReader,
    private readonly tokens: TokenService,
    private readonly limiter: LoginRateLimiter,
    private readonly security: CommandSecurity,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async execute({ email, password, clientIp }: LoginCommand): Promise<AuthPayload> {
    // A flood from one address stops here; the limits that count (per address and per account, for every replica) are the user service's.
    if (!this.limiter.tryAcquire(clientIp)) throw new ApiError('RATE_LIMITED', 'Too many login attempts; retry later');
    const sealed = this.security.seal('user', 'password', password);
    const who = await this.commands.send(COMMANDS.authenticateUser, { key: emailKey(email), data: { email, password: sealed, clientAddress: clientIp }, issuedBy: null }, authenticatedSchema);
    // The reply has no registeredAt, which `User` needs: read the user. It was projected when it
    // registered, so waiting only matters right after registration.
    const user = await this.users.waitForUser(who.id, this.settings.readModelWaitMs);
    if (!user) throw new ApiError('UNAVAILABLE', 'The account is not readable yet; retry in a moment');
    return { token: this.tokens.issue(who), user };
  }
}
