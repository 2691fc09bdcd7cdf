import { Query } from '@nestjs/cqrs';
import type { OrderStatus } from '@app/read-model';
import type { Principal } from '../../auth/principal';
import type { OrderConnectionModel } from '../models/order-connection.model';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ListOrdersArgs {
  /** `User.orders`: that user's orders. Absent for `Query.orders`: the caller's, or all for an admin. */
  ofUser?: string;
  status?: OrderStatus | null;
  first?: number | null;
  after?: string | null;
}

export class ListOrdersQuery extends Query<OrderConnectionModel> {
  constructor(
    readonly principal: Principal | null,
    readonly args: ListOrdersArgs,
  ) {
    super();
  }
}
