import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../auth/principal';

export class LogoutCommand extends Command<boolean> {
  constructor(readonly principal: Principal | null) {
    super();
  }
}
