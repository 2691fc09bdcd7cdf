import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../auth/principal';
import type { SagaStateModel } from '../../models/saga-state.model';

export const DEFAULT_SAGA_PAGE = 20;
export const MAX_SAGA_PAGE = 100;

/** As the client sent them: null where an argument was null or left out (first: its default). */
export interface ListSagasArgs {
  state: string | null;
  overdue: boolean | null;
  first: number | null;
  after: string | null;
}

export class ListSagasQuery extends Query<SagaStateModel[]> {
  constructor(
    readonly principal: Principal | null,
    readonly args: ListSagasArgs,
  ) {
    super();
  }
}
