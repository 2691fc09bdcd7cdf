import type { Principal } from '../../../auth/principal';

export class ListDeadLettersQuery {
  constructor(
    readonly principal: Principal | null,
    readonly group: string,
    readonly first: number,
    readonly after?: string,
  ) {}
}
