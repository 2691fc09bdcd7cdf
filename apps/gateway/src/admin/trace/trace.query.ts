import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../auth/principal';
import type { TraceModel } from '../models/trace.model';

export class TraceQuery extends Query<TraceModel> {
  constructor(
    readonly principal: Principal | null,
    readonly correlationId: string,
  ) {
    super();
  }
}
