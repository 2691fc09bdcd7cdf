import { Field, Int, ObjectType } from '@nestjs/graphql';
import { OrderModel } from './order.model';

@ObjectType('OrderEdge')
export class OrderEdgeModel {
  @Field(() => OrderModel)
  node: OrderModel;

  @Field(() => String)
  cursor: string;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** API.graphql's `OrderConnection` (with OrderEdge and PageInfo): cursor pagination, newest first. */
@ObjectType('OrderConnection')
export class OrderConnectionModel {
  @Field(() => [OrderEdgeModel])
  edges: OrderEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}
