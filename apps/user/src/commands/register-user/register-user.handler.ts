import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRejected } from '@app/commands';
import { isUniqueViolation } from '@app/database';
import { EventStore } from '@app/event-store';
import { streamIdOf, UserRegistered } from '@app/events';
import { CredentialsRepository, EMAIL_TAKEN, type Credentials } from '../../credentials/credentials.repository';
import { PasswordHasher } from '../../credentials/password-hasher';
import { LoginGuard } from '../../limits/login-guard';
import { RegisterUserCommand, type RegisteredUser } from './register-user.command';

const reply = (c: Credentials, at: { version: number; position: string }): RegisteredUser => ({
  user: { id: c.userId, email: c.email, name: c.name, role: c.role, registeredAt: c.createdAt.toISOString() },
  result: { aggregateId: c.userId, version: at.version, position: at.position },
});

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly store: EventStore,
    private readonly hasher: PasswordHasher,
    private readonly guard: LoginGuard,
  ) {}

  async execute({ input, meta, role }: RegisterUserCommand): Promise<RegisteredUser> {
    // A retry (the reply was lost, the gateway timed out) gets the first attempt's answer.
    const earlier = await this.credentials.findByCommandId(meta.commandId);
    if (earlier) return this.replay(earlier);
    // Sign-ups from outside are limited per address; the admin seed is not one.
    if (role === 'CUSTOMER') await this.guard.beforeRegistration(input.clientAddress);
    const passwordHash = await this.hasher.hash(input.password);
    const userId = randomUUID();
    const streamId = streamIdOf('user', userId);
    const metadata = { correlationId: meta.correlationId, causationId: meta.commandId, userId, ...(meta.traceparent ? { traceparent: meta.traceparent } : {}) };
    try {
      return await this.credentials.transaction(async (tx) => {
        const row = await this.credentials.insert(tx, { userId, email: input.email, name: input.name, role, passwordHash, commandId: meta.commandId });
        const event = new UserRegistered({ userId, email: row.email, name: row.name, role });
        const appended = await this.store.append(streamId, 0, [event], { tx, idempotencyKey: meta.commandId, metadata });
        // The key was spent by some other append: committing would leave a user without its event.
        if (appended.duplicate) throw new Error(`command ${meta.commandId} already appended to ${appended.streamId}`);
        return reply(row, appended);
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // A concurrent attempt of this same command may have won (either unique key can fire first).
      const winner = await this.credentials.findByCommandId(meta.commandId);
      if (winner) return this.replay(winner);
      if (err.constraint === EMAIL_TAKEN) throw new CommandRejected('CONFLICT', 'a user with this email already exists', 'email');
      throw err;
    }
  }

  private async replay(row: Credentials): Promise<RegisteredUser> {
    const [first] = await this.store.readStream(streamIdOf('user', row.userId));
    return reply(row, { version: first.streamVersion, position: first.position as string });
  }
}
