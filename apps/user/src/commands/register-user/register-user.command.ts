import { Command } from '@nestjs/cqrs';
import type { CommandResult } from '@app/commands';
import type { Role } from '../../credentials/credentials.repository';
import type { CommandMeta } from '@app/commands';
import type { RegisterUserInput } from './register-user.input';

/** The reply's `result` (the gateway reads it): never the password or its hash. */
export interface RegisteredUser {
  user: { id: string; email: string; name: string; role: Role; registeredAt: string };
  result: CommandResult;
}

/** `role` is not part of the wire input: only the admin seed registers an ADMIN. */
export class RegisterUserCommand extends Command<RegisteredUser> {
  constructor(
    readonly input: RegisterUserInput,
    readonly meta: CommandMeta,
    readonly role: Role = 'CUSTOMER',
  ) {
    super();
  }
}
