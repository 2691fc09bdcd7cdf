import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ClientIp } from '../../auth/context.decorators';
import { AuthPayloadModel } from '../models/auth-payload.model';
import { RegisterUserCommand } from './register-user.command';
import { RegisterUserInput } from './register-user.input';

@Resolver()
export class RegisterUserResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => AuthPayloadModel, { name: 'registerUser', description: 'waits until the user is readable; the token works at once' })
  registerUser(@Args('input', { type: () => RegisterUserInput }) input: RegisterUserInput, @ClientIp() clientIp: string) {
    return this.commands.execute(new RegisterUserCommand({ email: input.email, name: input.name, password: input.password }, clientIp));
  }
}
