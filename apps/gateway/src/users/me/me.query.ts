import { Query } from '@nestjs/cqrs';
import type { UserView } from '@app/read-model';
import type { Principal } from '../../auth/principal';

/** The caller's own user; null when anonymous or not projected yet. */
export class MeQuery extends Query<UserView | null> {
  constructor(readonly principal: Principal | null) {
    super();
  }
}
