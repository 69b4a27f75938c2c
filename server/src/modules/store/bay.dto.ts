import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.js';
import { Skill } from '../staff/roles.js';
import { Bay } from './bay.entity.js';

@InputType({ description: 'A new workshop bay of your store.' })
export class CreateBayInput {
  @Field(() => String, { description: 'Name shown on the wall, unique in the store (at most 50 characters), e.g. "4号工位".' })
  name!: string;

  @Field(() => [Skill], { nullable: true, description: 'Kinds of work the bay is equipped for (R-WO-3).' })
  skills?: Skill[] | null;

  @Field(() => Int, { nullable: true, description: 'Order on the wall and in lists; default: after the last bay.' })
  position?: number | null;
}

@InputType({ description: 'Changes a bay; omitted fields stay as they are.' })
export class UpdateBayInput {
  @Field(() => ID, { description: 'The bay.' })
  id!: string;

  @Field(() => Int, { description: 'The version you saw (optimistic lock): STALE_VERSION when someone changed the bay since.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New name, unique in the store.' })
  name?: string | null;

  @Field(() => [Skill], { nullable: true, description: 'Replaces the skills of the bay.' })
  skills?: Skill[] | null;

  @Field(() => Int, { nullable: true, description: 'New position (0–999); bays are listed by position, then by creation.' })
  position?: number | null;
}

@InputType({ description: 'A bay to deactivate or reactivate.' })
export class BayIdInput {
  @Field(() => ID, { description: 'The bay.' })
  id!: string;
}

@ObjectType({ description: 'Result of a bay mutation.' })
export class BayPayload {
  @Field(() => Bay, { nullable: true, description: 'The bay as saved; null when refused.' })
  bay?: Bay | null;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors: UserError[] = [];
}
