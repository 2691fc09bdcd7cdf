import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OrderLine')
export class OrderLineModel {
  @Field(() => String)
  sku: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Int, { nullable: true })
  unitPriceCents: number | null;
}
