import { Controller, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { COMMANDS, CommandSecurity, type CommandReply, metaOf, type RevokeTokensResult, toReply } from '@app/commands';
import { AuthenticateUserCommand, type AuthenticatedUser } from './authenticate-user/authenticate-user.command';
import { parseAuthenticateUserInput } from './authenticate-user/authenticate-user.input';
import { RegisterUserCommand, type RegisteredUser } from './register-user/register-user.command';
import { parseRegisterUserInput } from './register-user/register-user.input';
import { RevokeTokensCommand } from './revoke-tokens/revoke-tokens.command';
import { parseRevokeTokensInput } from './revoke-tokens/revoke-tokens.input';

/**
 * The Kafka edge of the service: verify, parse, dispatch, reply. Decisions live in the handlers.
 * Passwords arrive sealed to this service by the gateway and are opened only here.
 */
@Controller()
export class UserCommandsController {
  private readonly log = new Logger(UserCommandsController.name);

  constructor(
    private readonly commandBus: CommandBus,
    private readonly security: CommandSecurity,
  ) {}

  @MessagePattern(COMMANDS.registerUser)
  register(@Payload() raw: unknown): Promise<CommandReply<RegisteredUser>> {
    return toReply(this.log, COMMANDS.registerUser, () => {
      const message = this.security.verify(COMMANDS.registerUser, raw);
      return this.commandBus.execute(new RegisterUserCommand(parseRegisterUserInput(this.security.unsealIn(message.data, 'password')), metaOf(message)));
    }, raw);
  }

  @MessagePattern(COMMANDS.authenticateUser)
  authenticate(@Payload() raw: unknown): Promise<CommandReply<AuthenticatedUser>> {
    return toReply(this.log, COMMANDS.authenticateUser, () => {
      const message = this.security.verify(COMMANDS.authenticateUser, raw);
      return this.commandBus.execute(new AuthenticateUserCommand(parseAuthenticateUserInput(this.security.unsealIn(message.data, 'password'))));
    }, raw);
  }

  @MessagePattern(COMMANDS.revokeTokens)
  revokeTokens(@Payload() raw: unknown): Promise<CommandReply<RevokeTokensResult>> {
    return toReply(this.log, COMMANDS.revokeTokens, () => {
      const message = this.security.verify(COMMANDS.revokeTokens, raw);
      return this.commandBus.execute(new RevokeTokensCommand(parseRevokeTokensInput(message.data), message.issuedBy, metaOf(message)));
    }, raw);
  }
}
