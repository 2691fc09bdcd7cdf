import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { PaymentView } from '@app/read-model';
import { PaymentStatusEnum } from './payment-status.enum';

/** API.graphql's `type Payment`, from payment_view. */
@ObjectType('Payment')
export class PaymentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderId: string;

  @Field(() => Int)
  amountCents: number;

  @Field(() => PaymentStatusEnum)
  status: PaymentView['status'];

  @Field(() => String, { nullable: true })
  failureReason: string | null;

  @Field(() => GraphQLISODateTime)
  processedAt: Date;
}
