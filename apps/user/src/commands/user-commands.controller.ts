import { Controller, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { COMMANDS, type CommandReply } from '@app/commands';
import { AuthenticateUserCommand, type AuthenticatedUser } from './authenticate-user/authenticate-user.command';
import { parseAuthenticateUserInput } from './authenticate-user/authenticate-user.input';
import { metaOf, parseCommandMessage, toReply } from '@app/commands';
import { RegisterUserCommand, type RegisteredUser } from './register-user/register-user.command';
import { parseRegisterUserInput } from './register-user/register-user.input';

/** The Kafka edge of the service: parse, dispatch, reply. Decisions live in the handlers. */
@Controller()
export class UserCommandsController {
  private readonly log = new Logger(UserCommandsController.name);

  constructor(private readonly commandBus: CommandBus) {}

  @MessagePattern(COMMANDS.registerUser)
  register(@Payload() raw: unknown): Promise<CommandReply<RegisteredUser>> {
    return toReply(this.log, COMMANDS.registerUser, () => {
      const message = parseCommandMessage(raw);
      return this.commandBus.execute(new RegisterUserCommand(parseRegisterUserInput(message.data), metaOf(message)));
    });
  }

  @MessagePattern(COMMANDS.authenticateUser)
  authenticate(@Payload() raw: unknown): Promise<CommandReply<AuthenticatedUser>> {
    return toReply(this.log, COMMANDS.authenticateUser, () => {
      const message = parseCommandMessage(raw);
      return this.commandBus.execute(new AuthenticateUserCommand(parseAuthenticateUserInput(message.data)));
    });
  }
}
