import { Command } from '@nestjs/cqrs';
import type { AuthPayload } from '../auth-payload';

export class LoginCommand extends Command<AuthPayload> {
  constructor(
    readonly email: string,
    readonly password: string,
    /** For the per-IP rate limit. */
    readonly clientIp: string,
  ) {
    super();
  }
}
