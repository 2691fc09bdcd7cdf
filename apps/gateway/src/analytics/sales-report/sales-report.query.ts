import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../auth/principal';
import type { Granularity } from '../models/granularity.enum';
import type { SalesPointModel } from '../models/sales-point.model';

export class SalesReportQuery extends Query<SalesPointModel[]> {
  constructor(
    readonly principal: Principal | null,
    readonly from: Date,
    readonly to: Date,
    readonly granularity: Granularity | null,
  ) {
    super();
  }
}
