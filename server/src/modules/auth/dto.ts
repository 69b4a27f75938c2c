import { Field, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.js';
import { Staff } from '../staff/staff.entity.js';

@InputType()
export class LoginInput {
  @Field(() => String)
  username!: string;

  @Field(() => String)
  password!: string;
}

@ObjectType()
export class LoginPayload {
  @Field(() => String, { nullable: true, description: 'Bearer token; send as `Authorization: Bearer <token>`.' })
  token?: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => Staff, { nullable: true })
  staff?: Staff | null;

  @Field(() => [UserError])
  userErrors: UserError[] = [];
}

@ObjectType()
export class LogoutPayload {
  @Field(() => Boolean)
  ok!: boolean;
}
