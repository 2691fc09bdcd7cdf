import { Command } from '@nestjs/cqrs';
import type { Role } from '../../credentials/credentials.repository';
import type { AuthenticateUserInput } from './authenticate-user.input';

/** The reply's `result`: who the caller is, for the gateway to put in a token. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export class AuthenticateUserCommand extends Command<AuthenticatedUser> {
  constructor(readonly input: AuthenticateUserInput) {
    super();
  }
}
