import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { OrderStatus } from '@app/read-model';
import { OrderLineModel } from './order-line.model';
import { OrderStatusEnum } from './order-status.enum';

/** API.graphql's `type Order`, from order_view; `user` and `payment` are resolved per field (OrderFieldsResolver). */
@ObjectType('Order')
export class OrderModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  userId: string;

  @Field(() => OrderStatusEnum)
  status: OrderStatus;

  @Field(() => [OrderLineModel])
  lines: OrderLineModel[];

  @Field(() => Int, { nullable: true, description: 'known once inventory has priced the lines' })
  totalCents: number | null;

  @Field(() => String, { nullable: true, description: 'OUT_OF_STOCK, PAYMENT_FAILED, PAYMENT_TIMEOUT, CANCELLED_BY_CUSTOMER, ...' })
  cancellationReason: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;

  @Field(() => Int)
  version: number;
}
