import type { Principal } from '../../auth/principal';

export class SystemStatusQuery {
  constructor(readonly principal: Principal | null) {}
}
