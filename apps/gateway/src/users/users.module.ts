import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserView } from '@app/read-model';
import { AuthModule } from '../auth/auth.module';
import { CommandClientModule } from '../command-client/command-client.module';
import { GetUserHandler } from './get-user/get-user.handler';
import { LoginRateLimiter } from './login/login-rate-limiter';
import { LoginHandler } from './login/login.handler';
import { LogoutHandler } from './logout/logout.handler';
import { MeHandler } from './me/me.handler';
import { RegisterUserHandler } from './register-user/register-user.handler';
import { UserViewReader } from './user-view.reader';
import { USER_RESOLVERS } from './users.resolvers';
import { ReadModelChangesModule } from '../shared/read-model-changes.module';

@Module({
  // forFeature also registers the entity with the DataSource (autoLoadEntities).
  imports: [TypeOrmModule.forFeature([UserView]), AuthModule, CommandClientModule, ReadModelChangesModule],
  providers: [...USER_RESOLVERS, MeHandler, GetUserHandler, RegisterUserHandler, LoginHandler, LogoutHandler, UserViewReader, LoginRateLimiter],
})
export class UsersModule {}
