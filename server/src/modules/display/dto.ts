import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.js';
import { DisplayToken } from './display-token.entity.js';

@InputType()
export class CreateDisplayTokenInput {
  @Field(() => String, { description: 'Where the display hangs, e.g. "车间北墙".' })
  name!: string;
}

@ObjectType()
export class CreateDisplayTokenPayload {
  @Field(() => DisplayToken, { nullable: true })
  displayToken?: DisplayToken | null;

  @Field(() => String, { nullable: true, description: 'Shown once: enter it on the display. Only its hash is stored.' })
  token?: string | null;

  @Field(() => [UserError])
  userErrors: UserError[] = [];
}

@InputType()
export class RevokeDisplayTokenInput {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class RevokeDisplayTokenPayload {
  @Field(() => DisplayToken, { nullable: true })
  displayToken?: DisplayToken | null;

  @Field(() => [UserError])
  userErrors: UserError[] = [];
}
