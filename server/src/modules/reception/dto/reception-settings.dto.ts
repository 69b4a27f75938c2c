import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../../graphql/user-error.js';
import { ReceptionSettings } from '../reception.entity.js';

@InputType({ description: 'Changes to the reception settings; omitted fields stay.' })
export class UpdateReceptionSettingsInput {
  @Field(() => Int, { nullable: true, description: 'R-REC-1: greeting target in seconds after arrival (10 to 3600).' })
  greetWithinSeconds?: number | null;

  @Field(() => Int, { description: 'The version read; refused with STALE_VERSION when it changed.' })
  expectedVersion!: number;
}

@ObjectType({ description: 'The settings after the change, or why not.' })
export class ReceptionSettingsPayload {
  @Field(() => ReceptionSettings, { nullable: true, description: 'The settings; null when refused.' })
  settings?: ReceptionSettings | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}
