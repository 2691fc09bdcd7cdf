import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ClientIp } from '../../auth/context.decorators';
import { AuthPayloadModel } from '../models/auth-payload.model';
import { LoginCommand } from './login.command';

@Resolver()
export class LoginResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => AuthPayloadModel, { name: 'login' })
  login(@Args('email', { type: () => String }) email: string, @Args('password', { type: () => String }) password: string, @ClientIp() clientIp: string) {
    return this.commands.execute(new LoginCommand(email, password, clientIp));
  }
}
