import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import type { OrderView } from '@app/read-model';
import { requireSignedIn } from '../../auth/require-principal';
import { ApiError } from '../../errors/api-error';
import { mayReadOrder } from '../order-access';
import { OrderViewReader } from '../order-view.reader';
import { GetOrderQuery } from './get-order.query';

const uuid = z.uuid();

/**
 * Owner or admin (API.graphql). The rule, for every signed-in caller alike:
 * - an id the read model does not have is null, not NOT_FOUND: right after createOrder (EVENTUAL)
 *   the owner's own order is not projected yet, and null says "not (yet) there" without an error;
 * - an order of someone else is FORBIDDEN. That tells a customer the id exists, which is harmless:
 *   order ids are random UUIDs, so whoever holds one was given it.
 */
@QueryHandler(GetOrderQuery)
export class GetOrderHandler implements IQueryHandler<GetOrderQuery> {
  constructor(private readonly orders: OrderViewReader) {}

  async execute({ principal, id }: GetOrderQuery): Promise<OrderView | null> {
    const caller = requireSignedIn(principal, 'read an order');
    if (!uuid.safeParse(id).success) throw new ApiError('BAD_USER_INPUT', 'id must be a UUID', 'id');
    const order = await this.orders.findById(id);
    if (order && !mayReadOrder(caller, order)) throw new ApiError('FORBIDDEN', 'You may only read your own orders');
    return order;
  }
}
