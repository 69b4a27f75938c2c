import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.js';
import { DisplayToken } from './display-token.entity.js';

@InputType({ description: 'A new wall-display token.' })
export class CreateDisplayTokenInput {
  @Field(() => String, { description: 'Where the display hangs, e.g. "车间北墙".' })
  name!: string;
}

@ObjectType({ description: 'The new token (shown once), or why not.' })
export class CreateDisplayTokenPayload {
  @Field(() => DisplayToken, { nullable: true, description: 'The token’s record.' })
  displayToken?: DisplayToken | null;

  @Field(() => String, { nullable: true, description: 'Shown once: enter it on the display. Only its hash is stored.' })
  token?: string | null;

  @Field(() => [UserError])
  userErrors: UserError[] = [];
}

@InputType({ description: 'Which display token to revoke.' })
export class RevokeDisplayTokenInput {
  @Field(() => ID, { description: 'Global id of the display token.' })
  id!: string;
}

@ObjectType({ description: 'The revoked token, or why not.' })
export class RevokeDisplayTokenPayload {
  @Field(() => DisplayToken, { nullable: true, description: 'The token’s record, now with revokedAt.' })
  displayToken?: DisplayToken | null;

  @Field(() => [UserError])
  userErrors: UserError[] = [];
}
