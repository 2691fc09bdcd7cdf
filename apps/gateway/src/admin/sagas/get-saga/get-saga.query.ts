import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../auth/principal';
import type { SagaStateModel } from '../../models/saga-state.model';

export class GetSagaQuery extends Query<SagaStateModel | null> {
  constructor(
    readonly principal: Principal | null,
    readonly orderId: string,
  ) {
    super();
  }
}
