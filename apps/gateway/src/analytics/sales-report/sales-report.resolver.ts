import { QueryBus } from '@nestjs/cqrs';
import { Args, GraphQLISODateTime, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { type Granularity, GranularityEnum } from '../models/granularity.enum';
import { SalesPointModel } from '../models/sales-point.model';
import { SalesReportQuery } from './sales-report.query';

const DESCRIPTION = `admin. One point per UTC hour or day that overlaps [from, to) and has orders (periods without
orders are left out), oldest first; a point covers its whole period. A period counts the orders
created in it; confirmedOrders and cancelledOrders are those of them now confirmed or cancelled,
revenueCents the sum of their confirmed totals. At most 31 days by HOUR, 366 by DAY.`;

@Resolver()
export class SalesReportResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [SalesPointModel], { name: 'salesReport', description: DESCRIPTION })
  salesReport(
    @CurrentPrincipal() principal: Principal | null,
    @Args('from', { type: () => GraphQLISODateTime }) from: Date,
    @Args('to', { type: () => GraphQLISODateTime }) to: Date,
    @Args('granularity', { type: () => GranularityEnum, nullable: true, defaultValue: 'DAY' }) granularity: Granularity | null,
  ) {
    return this.queries.execute(new SalesReportQuery(principal, from, to, granularity));
  }
}
