import { Command } from '@nestjs/cqrs';
import type { AuthPayload } from '../auth-payload';

export class RegisterUserCommand extends Command<AuthPayload> {
  constructor(
    readonly input: { email: string; name: string; password: string },
    /** For the user service's sign-up limit per address. */
    readonly clientIp = 'unknown',
  ) {
    super();
  }
}
