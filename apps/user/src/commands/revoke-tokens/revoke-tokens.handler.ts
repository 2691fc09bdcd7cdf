import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRejected, type CommandResult } from '@app/commands';
import { ConcurrencyError, EventStore } from '@app/event-store';
import { streamIdOf, UserTokensRevoked } from '@app/events';
import { RevokeTokensCommand } from './revoke-tokens.command';

/** One retry: another revocation of the same user appended first (two sign-outs at once). */
const ATTEMPTS = 2;

/**
 * Signs a user out everywhere: UserTokensRevoked on the user's stream, which the read model
 * carries to every gateway replica (it refuses older tokens from then on). The user may revoke
 * their own tokens, an admin anyone's. A retry of the command (same commandId) appends nothing.
 */
@CommandHandler(RevokeTokensCommand)
export class RevokeTokensHandler implements ICommandHandler<RevokeTokensCommand> {
  constructor(private readonly store: EventStore) {}

  async execute({ input: { userId }, issuedBy, meta }: RevokeTokensCommand): Promise<CommandResult> {
    if (!issuedBy) throw new CommandRejected('UNAUTHENTICATED', 'sign in to sign out');
    if (issuedBy.userId !== userId && issuedBy.role !== 'ADMIN') throw new CommandRejected('FORBIDDEN', "only an admin may sign another user out");
    const streamId = streamIdOf('user', userId);
    const metadata = { correlationId: meta.correlationId, causationId: meta.commandId, userId: issuedBy.userId, ...(meta.traceparent ? { traceparent: meta.traceparent } : {}) };
    for (let attempt = 1; ; attempt++) {
      const events = await this.store.readStream(streamId);
      if (events.length === 0) throw new CommandRejected('NOT_FOUND', 'no such user', 'userId');
      const event = new UserTokensRevoked({ userId, revokedBefore: new Date().toISOString() });
      try {
        const appended = await this.store.append(streamId, events[events.length - 1].streamVersion, [event], { idempotencyKey: meta.commandId, metadata });
        return { aggregateId: userId, version: appended.version, position: appended.position };
      } catch (err) {
        if (!(err instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw err;
      }
    }
  }
}
