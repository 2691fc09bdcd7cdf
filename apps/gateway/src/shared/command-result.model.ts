import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';

/** API.graphql's `CommandResult`: where a command left its stream. */
@ObjectType('CommandResult')
export class CommandResultModel {
  @Field(() => ID)
  aggregateId: string;

  @Field(() => Int)
  version: number;

  @Field(() => String)
  position: string;
}

/** The same, checked on a service's reply (another process, possibly another version). */
export const commandResultSchema = z.object({ aggregateId: z.string(), version: z.number().int(), position: z.string() });
