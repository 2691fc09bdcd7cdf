import { Query } from '@nestjs/cqrs';
import type { UserView } from '@app/read-model';
import type { Principal } from '../../auth/principal';

/** One user by id: the caller's own, or anyone's for an admin. */
export class GetUserQuery extends Query<UserView | null> {
  constructor(
    readonly principal: Principal | null,
    readonly id: string,
  ) {
    super();
  }
}
