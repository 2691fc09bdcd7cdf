import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { requireAdmin } from '../../../auth/require-principal';
import { validateInput } from '../../../shared/validate-input';
import type { SagaStateModel } from '../../models/saga-state.model';
import { SagaStateReader } from '../saga-state.reader';
import { DEFAULT_SAGA_PAGE, ListSagasQuery, MAX_SAGA_PAGE } from './list-sagas.query';

/*
 * `after` is the orderId of the last saga of the previous page: the contract's list carries no
 * cursors, and an order id is what a client holds of each saga. The order service pages by the
 * saga's creation, which never changes, so that id always marks the same place. An unknown state
 * is not an error: it matches no saga, as the contract's state is a free String.
 */
const argsSchema = z.object({
  state: z.string().regex(/^[A-Z_]{1,40}$/, 'state is a saga state in capitals, e.g. CONFIRMED').optional(),
  overdue: z.boolean().optional(),
  first: z.number().int().min(1, `first must be between 1 and ${MAX_SAGA_PAGE}`).max(MAX_SAGA_PAGE, `first must be between 1 and ${MAX_SAGA_PAGE}`),
  after: z.uuid('after must be the orderId of the last saga of the previous page').optional(),
});

/** Admin only: sagas newest first, by state and/or overdue (past the deadline and not finished). */
@QueryHandler(ListSagasQuery)
export class ListSagasHandler implements IQueryHandler<ListSagasQuery> {
  constructor(private readonly sagas: SagaStateReader) {}

  async execute({ principal, args }: ListSagasQuery): Promise<SagaStateModel[]> {
    requireAdmin(principal, 'list sagas');
    // An explicit null means the default, as an omitted argument does.
    const filter = validateInput(argsSchema, {
      state: args.state ?? undefined,
      overdue: args.overdue ?? undefined,
      first: args.first ?? DEFAULT_SAGA_PAGE,
      after: args.after ?? undefined,
    });
    return this.sagas.page(filter);
  }
}
