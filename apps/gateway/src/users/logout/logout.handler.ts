import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { COMMANDS } from '@app/commands';
import { readModelChangeKey } from '@app/read-model';
import { requireSignedIn } from '../../auth/require-principal';
import { TokenRevocations } from '../../auth/token-revocations';
import { CommandClient } from '../../command-client/command-client';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../../gateway-settings';
import { commandResultSchema } from '../../shared/command-result.model';
import { ReadModelChanges } from '../../shared/read-model-changes';
import { LogoutCommand } from './logout.command';

/**
 * Signs the caller out everywhere: the user service records UserTokensRevoked, the projection
 * carries it to user_view, and every gateway replica refuses the caller's older tokens from then
 * on. Answers once this replica does, so the client's next request with the old token fails.
 */
@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand> {
  private readonly logger = new Logger(LogoutHandler.name);

  constructor(
    private readonly commands: CommandClient,
    private readonly revocations: TokenRevocations,
    private readonly changes: ReadModelChanges,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async execute({ principal }: LogoutCommand): Promise<boolean> {
    const caller = requireSignedIn(principal, 'sign out');
    const known = this.revocations.revokedBeforeOf(caller.userId) ?? -Infinity;
    const data = { userId: caller.userId };
    await this.commands.send(COMMANDS.revokeTokens, { key: caller.userId, data, issuedBy: { userId: caller.userId, role: caller.role } }, commandResultSchema);
    const applied = await this.changes.waitUntil(
      readModelChangeKey('user_view', caller.userId),
      async () => {
        await this.revocations.reload(caller.userId);
        return (this.revocations.revokedBeforeOf(caller.userId) ?? -Infinity) > known ? true : null;
      },
      this.settings.readModelWaitMs,
    );
    // Recorded either way (the event is stored): other replicas and this one catch up shortly.
    if (!applied) this.logger.warn(`sign-out of ${caller.userId} not in the read model after ${this.settings.readModelWaitMs} ms`);
    return true;
  }
}
