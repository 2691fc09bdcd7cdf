import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { Role } from '../../auth/principal';
import { RoleEnum } from './role.enum';

/** API.graphql's `type User`; `orders` arrives with the orders part. */
@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => GraphQLISODateTime)
  registeredAt: Date;
}
