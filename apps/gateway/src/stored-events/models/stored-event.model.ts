import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { JsonValue } from '../../graphql/json.scalar';

/** API.graphql's `type StoredEvent`, from read_model.event_log. */
@ObjectType('StoredEvent')
export class StoredEventModel {
  @Field(() => ID)
  eventId: string;

  @Field(() => String)
  streamId: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, { description: 'global position, as a string (bigint)' })
  position: string;

  @Field(() => String)
  type: string;

  @Field(() => Int)
  schemaVersion: number;

  @Field(() => JsonValue)
  payload: unknown;

  @Field(() => JsonValue)
  metadata: unknown;

  @Field(() => GraphQLISODateTime)
  recordedAt: Date;
}
