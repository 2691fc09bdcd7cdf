import { Query } from '@nestjs/cqrs';
import type { OrderView } from '@app/read-model';
import type { Principal } from '../../auth/principal';

export class GetOrderQuery extends Query<OrderView | null> {
  constructor(
    readonly principal: Principal | null,
    readonly id: string,
  ) {
    super();
  }
}
