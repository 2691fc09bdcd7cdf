import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requireSignedIn } from '../../auth/require-principal';
import { ApiError } from '../../errors/api-error';
import type { OrderConnectionModel } from '../models/order-connection.model';
import { decodeOrderCursor, encodeOrderCursor } from '../order-cursor';
import { OrderViewReader } from '../order-view.reader';
import { DEFAULT_PAGE_SIZE, ListOrdersQuery, MAX_PAGE_SIZE } from './list-orders.query';

/** A customer sees only their own orders, an admin all; `User.orders` is self or admin. */
@QueryHandler(ListOrdersQuery)
export class ListOrdersHandler implements IQueryHandler<ListOrdersQuery> {
  constructor(private readonly orders: OrderViewReader) {}

  async execute({ principal, args }: ListOrdersQuery): Promise<OrderConnectionModel> {
    const caller = requireSignedIn(principal, 'list orders');
    const isAdmin = caller.role === 'ADMIN';
    if (args.ofUser !== undefined && !isAdmin && args.ofUser !== caller.userId) throw new ApiError('FORBIDDEN', 'You may only list your own orders');
    // An explicit null means the default, as an omitted argument does.
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw new ApiError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
    const after = args.after ? decodeOrderCursor(args.after) : undefined;

    const userId = args.ofUser ?? (isAdmin ? undefined : caller.userId);
    const page = await this.orders.page({ userId, status: args.status ?? undefined }, first, after);
    const edges = page.rows.map(({ order, cursor }) => ({ node: order, cursor: encodeOrderCursor(cursor) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount };
  }
}
