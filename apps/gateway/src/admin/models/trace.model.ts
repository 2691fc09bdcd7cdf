import { Field, Float, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

export type TraceNodeKind = 'COMMAND' | 'EVENT' | 'EFFECT';

/** API.graphql's `type TraceNode`: one command, event or effect of a correlation. */
@ObjectType('TraceNode', { description: 'One node of a trace: a command, an event, or an effect (projection write, search write, notification, mail)' })
export class TraceNodeModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'COMMAND, EVENT or EFFECT' })
  kind: TraceNodeKind;

  @Field({ description: 'e.g. CreateOrder, OrderCreated, order_view, orders index, ORDER_CONFIRMED email' })
  name: string;

  @Field()
  service: string;

  @Field(() => ID, { nullable: true, description: 'the event or command this one was caused by; null at the root' })
  causationId: string | null;

  @Field(() => GraphQLISODateTime)
  at: Date;

  @Field(() => Float, { nullable: true, description: 'milliseconds since its cause' })
  latencyMs: number | null;
}

/** API.graphql's `type Trace`: everything one correlation caused, nodes in time order. */
@ObjectType('Trace')
export class TraceModel {
  @Field(() => ID)
  correlationId: string;

  @Field(() => [TraceNodeModel])
  nodes: TraceNodeModel[];

  @Field(() => Float, { description: 'milliseconds from the first node to the last' })
  totalMs: number;
}
