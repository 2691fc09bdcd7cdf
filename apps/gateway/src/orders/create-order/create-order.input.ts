import { Field, InputType, Int } from '@nestjs/graphql';

@InputType('OrderLineInput')
export class OrderLineInput {
  @Field(() => String)
  sku: string;

  @Field(() => Int)
  quantity: number;
}

/** Checked by createOrderSchema before anything is sent (the order service checks again). */
@InputType('CreateOrderInput')
export class CreateOrderInput {
  @Field(() => [OrderLineInput])
  lines: OrderLineInput[];

  @Field(() => String, { description: 'payment method token; tok_declined declines, tok_timeout never answers (local adapter)' })
  paymentToken: string;

  @Field(() => String, { nullable: true, description: 'optional: the same key twice creates one order' })
  idempotencyKey?: string | null;
}
