import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CommandResultModel } from '../../shared/command-result.model';
import { OrderModel } from './order.model';

@ObjectType('OrderPayload')
export class OrderPayloadModel {
  @Field(() => ID)
  orderId: string;

  @Field(() => CommandResultModel)
  result: CommandResultModel;

  @Field(() => OrderModel, { nullable: true, description: 'present when consistency is PROJECTED' })
  order: OrderModel | null;
}
