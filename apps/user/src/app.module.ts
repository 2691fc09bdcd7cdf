import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConfigModule } from '@app/config';
import { DatabaseModule, SERVICE_ROLES } from '@app/database';
import { EVENT_STORE_MIGRATIONS, EventStoreModule } from '@app/event-store';
import { HealthModule } from '@app/health';
import { MetricsModule } from '@app/metrics';
import { TracingModule } from '@app/tracing';
import { AuthenticateUserHandler } from './commands/authenticate-user/authenticate-user.handler';
import { RegisterUserHandler } from './commands/register-user/register-user.handler';
import { UserCommandsController } from './commands/user-commands.controller';
import { CredentialsRepository } from './credentials/credentials.repository';
import { PasswordHasher } from './credentials/password-hasher';
import { CreateCredentials1764400000000 } from './migrations/1764400000000-create-credentials';
import { USER_SCHEMA } from './schema';
import { AdminSeed } from './seed/admin-seed';
import { CommandSecurityModule } from '@app/commands';
import { RevokeTokensHandler } from './commands/revoke-tokens/revoke-tokens.handler';
import { AttemptLimits1795500000000 } from './migrations/1795500000000-attempt-limits';
import { AttemptCounters } from './limits/attempt-counters';
import { LoginGuard } from './limits/login-guard';
import { userSettingsProvider } from './user-settings';

const CommandHandlers = [RegisterUserHandler, AuthenticateUserHandler, RevokeTokensHandler];

@Module({
  imports: [
    ConfigModule,
    CommandSecurityModule.forApp('user'),
    CqrsModule.forRoot(),
    DatabaseModule.forService({ schema: USER_SCHEMA, role: SERVICE_ROLES.user, migrations: [...EVENT_STORE_MIGRATIONS, CreateCredentials1764400000000, AttemptLimits1795500000000] }),
    EventStoreModule.forService({ schema: USER_SCHEMA, role: SERVICE_ROLES.user }),
    HealthModule.register({ checks: ['kafka', 'postgres'] }),
    MetricsModule,
    TracingModule,
  ],
  controllers: [UserCommandsController],
  providers: [...CommandHandlers, CredentialsRepository, AttemptCounters, LoginGuard, userSettingsProvider, { provide: PasswordHasher, useValue: new PasswordHasher() }, AdminSeed],
})
export class AppModule {}
