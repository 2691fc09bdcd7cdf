import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandRejected } from '@app/commands';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { RegisterUserCommand } from '../commands/register-user/register-user.command';
import { parseRegisterUserInput } from '../commands/register-user/register-user.input';
import { CredentialsRepository } from '../credentials/credentials.repository';

/**
 * Registers the configured admin through the ordinary RegisterUser path, so the ADMIN shows up
 * in every read model like any user. Safe across restarts and replicas booting at once: the
 * fixed command id makes a second attempt replay the first, and the email is unique anyway.
 */
@Injectable()
export class AdminSeed implements OnApplicationBootstrap {
  private readonly log = new Logger(AdminSeed.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly credentials: CredentialsRepository,
    private readonly commandBus: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { email, password } = this.config.admin;
    const existing = await this.credentials.findByEmail(email);
    if (existing) {
      if (existing.role !== 'ADMIN') this.log.error(`admin email ${email} belongs to a ${existing.role}: no admin seeded`);
      return;
    }
    const commandId = `seed-admin:${email}`;
    const input = parseRegisterUserInput({ email, name: 'Administrator', password });
    try {
      await this.commandBus.execute(new RegisterUserCommand(input, { commandId, correlationId: commandId }, 'ADMIN'));
      this.log.log(`seeded admin ${email}`);
    } catch (err) {
      // Someone registered the email between our check and our insert: same outcome as above.
      if (!(err instanceof CommandRejected && err.code === 'CONFLICT')) throw err;
      this.log.error(`admin email ${email} was taken concurrently: no admin seeded`);
    }
  }
}
