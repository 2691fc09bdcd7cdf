import { Field, InputType } from '@nestjs/graphql';

/** Rules (email shape, password length) are the user service's: it answers BAD_USER_INPUT with the field. */
@InputType('RegisterUserInput')
export class RegisterUserInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  password: string;
}
