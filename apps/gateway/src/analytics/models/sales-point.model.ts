import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

/** API.graphql's `type SalesPoint`, from analytics.sales_hourly / sales_daily. */
@ObjectType('SalesPoint')
export class SalesPointModel {
  @Field(() => GraphQLISODateTime)
  periodStart: Date;

  @Field(() => Int)
  orders: number;

  @Field(() => Int)
  confirmedOrders: number;

  @Field(() => Int)
  cancelledOrders: number;

  @Field(() => Int)
  revenueCents: number;
}
