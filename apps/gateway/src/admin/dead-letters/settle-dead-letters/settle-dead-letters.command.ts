import type { SettleDeadLettersData } from '@app/commands';
import type { Principal } from '../../../auth/principal';

/** redriveDeadLetters (no reason) or discardDeadLetters (a reason required). */
export class SettleDeadLettersCommand {
  constructor(
    readonly principal: Principal | null,
    readonly request: SettleDeadLettersData,
  ) {}
}
