import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

/**
 * API.graphql's `type SagaState`: one order's fulfilment saga as the order service recorded it.
 * `history` is declared and resolved by SagaHistoryResolver: batched, and only when asked for.
 */
@ObjectType('SagaState')
export class SagaStateModel {
  @Field(() => ID)
  orderId: string;

  @Field(() => String, { description: 'e.g. AWAITING_INVENTORY, AWAITING_PAYMENT, CONFIRMED, CANCELLED, REFUND_DUE, REFUNDED' })
  state: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  deadline: Date | null;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}
