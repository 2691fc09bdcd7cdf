import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../../orders/models/order-connection.model';
import { StoredEventModel } from '../../stored-events/models/stored-event.model';

/** API.graphql's `type DeadLetter`: one entry of a group's dead-letter topic, still waiting for an admin. */
@ObjectType('DeadLetter')
export class DeadLetterModel {
  @Field(() => ID, { description: '<partition>:<offset> on the dead-letter topic' })
  id: string;

  @Field()
  group: string;

  @Field({ description: 'the topic the event was consumed from' })
  topic: string;

  @Field(() => Int)
  partition: number;

  @Field()
  offset: string;

  @Field()
  errorCode: string;

  @Field()
  errorMessage: string;

  @Field(() => Int)
  attempts: number;

  @Field(() => StoredEventModel, { nullable: true, description: 'null when the message was not an event envelope' })
  event: StoredEventModel | null;

  @Field(() => GraphQLISODateTime)
  deadLetteredAt: Date;
}

@ObjectType('DeadLetterEdge')
export class DeadLetterEdgeModel {
  @Field(() => DeadLetterModel)
  node: DeadLetterModel;

  @Field()
  cursor: string;
}

@ObjectType('DeadLetterConnection')
export class DeadLetterConnectionModel {
  @Field(() => [DeadLetterEdgeModel])
  edges: DeadLetterEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}
