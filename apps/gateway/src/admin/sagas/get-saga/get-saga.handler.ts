import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { requireAdmin } from '../../../auth/require-principal';
import { ApiError } from '../../../errors/api-error';
import type { SagaStateModel } from '../../models/saga-state.model';
import { SagaStateReader } from '../saga-state.reader';
import { GetSagaQuery } from './get-saga.query';

const uuid = z.uuid();

/** Admin only. null for an order the order service has no saga of (yet): as `order(id)` answers. */
@QueryHandler(GetSagaQuery)
export class GetSagaHandler implements IQueryHandler<GetSagaQuery> {
  constructor(private readonly sagas: SagaStateReader) {}

  async execute({ principal, orderId }: GetSagaQuery): Promise<SagaStateModel | null> {
    requireAdmin(principal, 'read sagas');
    // The function takes a uuid: anything else would fail in PostgreSQL, as an internal error.
    if (!uuid.safeParse(orderId).success) throw new ApiError('BAD_USER_INPUT', 'orderId must be a UUID', 'orderId');
    return this.sagas.one(orderId);
  }
}
