import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

/** API.graphql's `type ConsumerGroupStatus`: one consumer group of this namespace. */
@ObjectType('ConsumerGroupStatus')
export class ConsumerGroupStatusModel {
  @Field()
  group: string;

  @Field(() => Int, { description: 'messages behind the end of its topics, summed over partitions' })
  lag: number;

  @Field(() => Float, { description: "seconds between now and the oldest unconsumed message's timestamp, 0 when caught up" })
  lagSeconds: number;

  @Field(() => Int)
  deadLetters: number;

  @Field(() => Int)
  members: number;
}

/** API.graphql's `type RelayStatus`: one event store's relay. */
@ObjectType('RelayStatus')
export class RelayStatusModel {
  @Field()
  schema: string;

  @Field(() => String, { nullable: true })
  leader: string | null;

  @Field(() => Int, { description: 'events stored but not yet published' })
  lag: number;
}

/** API.graphql's `type RebuildJob`. */
@ObjectType('RebuildJob')
export class RebuildJobModel {
  @Field(() => ID)
  id: string;

  @Field()
  projection: string;

  @Field()
  state: string;

  @Field(() => Int)
  processed: number;

  @Field(() => Int, { nullable: true })
  total: number | null;

  @Field(() => GraphQLISODateTime)
  startedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  finishedAt: Date | null;
}

/** API.graphql's `type SystemStatus`. */
@ObjectType('SystemStatus')
export class SystemStatusModel {
  @Field(() => [ConsumerGroupStatusModel])
  groups: ConsumerGroupStatusModel[];

  @Field(() => [RelayStatusModel])
  relays: RelayStatusModel[];

  @Field(() => [RebuildJobModel])
  rebuilds: RebuildJobModel[];
}
