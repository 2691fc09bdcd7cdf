import { randomBytes } from 'node:crypto';
import type { OnModuleInit } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRejected } from '@app/commands';
import { CredentialsRepository } from '../../credentials/credentials.repository';
import { PasswordHasher } from '../../credentials/password-hasher';
import { LoginGuard } from '../../limits/login-guard';
import { AuthenticateUserCommand, type AuthenticatedUser } from './authenticate-user.command';

@CommandHandler(AuthenticateUserCommand)
export class AuthenticateUserHandler implements ICommandHandler<AuthenticateUserCommand>, OnModuleInit {
  // An unknown email is checked against this, so that it costs one scrypt like a wrong password
  // and the two cannot be told apart by timing.
  private dummyHash: string;

  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly hasher: PasswordHasher,
    private readonly guard: LoginGuard,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hasher.hash(randomBytes(32).toString('base64'));
  }

  async execute({ input: { email, password, clientAddress } }: AuthenticateUserCommand): Promise<AuthenticatedUser> {
    await this.guard.beforeLogin(email, clientAddress);
    const user = await this.credentials.findByEmail(email);
    const matches = await this.hasher.verify(password, user?.passwordHash ?? this.dummyHash);
    if (!user || !matches) {
      await this.guard.loginFailed(email, clientAddress);
      throw new CommandRejected('UNAUTHENTICATED', 'invalid email or password');
    }
    await this.guard.loginSucceeded(email, clientAddress);
    return { id: user.userId, email: user.email, name: user.name, role: user.role };
  }
}
