import { Field, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.js';
import { Staff } from '../staff/staff.entity.js';

@InputType({ description: 'Staff credentials.' })
export class LoginInput {
  @Field(() => String, { description: 'Login name.' })
  username!: string;

  @Field(() => String, { description: 'Password.' })
  password!: string;
}

@ObjectType({ description: 'A session token, or why not.' })
export class LoginPayload {
  @Field(() => String, { nullable: true, description: 'Bearer token; send as `Authorization: Bearer <token>`.' })
  token?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the token expires.' })
  expiresAt?: Date | null;

  @Field(() => Staff, { nullable: true, description: 'Who signed in.' })
  staff?: Staff | null;

  @Field(() => [UserError])
  userErrors: UserError[] = [];
}

@ObjectType({ description: 'The result of logout.' })
export class LogoutPayload {
  @Field(() => Boolean, { description: 'True when the session was ended.' })
  ok!: boolean;
}
