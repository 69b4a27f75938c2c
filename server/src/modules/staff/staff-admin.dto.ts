import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.js';
import { Role, Skill } from './roles.js';
import { Staff } from './staff.entity.js';

@InputType({ description: 'A new staff account of your store.' })
export class CreateStaffInput {
  @Field(() => String, { description: 'Sign-in name, unique across all stores: 3–40 lowercase letters, digits, ".", "_" or "-".' })
  username!: string;

  @Field(() => String, { description: 'Full name (at most 50 characters).' })
  name!: string;

  @Field(() => [Role], { description: 'At least one role; only an ADMIN may grant ADMIN.' })
  roles!: Role[];

  @Field(() => [Skill], { nullable: true, description: 'Skills (for technicians, R-WO-3).' })
  skills?: Skill[] | null;

  @Field(() => String, { nullable: true, description: 'Business line customers may call; never a private number.' })
  businessPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'Initial password (8–200 characters). Omit it to have one generated and returned once.' })
  password?: string | null;
}

@InputType({ description: 'Changes a staff member; omitted fields stay as they are.' })
export class UpdateStaffInput {
  @Field(() => ID, { description: 'The staff member.' })
  id!: string;

  @Field(() => Int, { description: 'The version you saw (optimistic lock): STALE_VERSION when someone changed the account since.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New full name.' })
  name?: string | null;

  @Field(() => [Role], { nullable: true, description: 'Replaces the roles. You cannot remove your own manager role; only an ADMIN may grant ADMIN.' })
  roles?: Role[] | null;

  @Field(() => [Skill], { nullable: true, description: 'Replaces the skills.' })
  skills?: Skill[] | null;

  @Field(() => String, { nullable: true, description: 'New business phone; an empty string removes it.' })
  businessPhone?: string | null;
}

@InputType({ description: 'A staff member to deactivate or reactivate.' })
export class StaffIdInput {
  @Field(() => ID, { description: 'The staff member.' })
  id!: string;
}

@InputType({ description: "Sets a staff member's password; their open sessions end." })
export class ResetStaffPasswordInput {
  @Field(() => ID, { description: 'The staff member.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Temporary password to hand over (8–200 characters). Omit it to have one generated and returned once.' })
  newPassword?: string | null;
}

@ObjectType({ description: 'Result of a staff mutation.' })
export class StaffPayload {
  @Field(() => Staff, { nullable: true, description: 'The staff member as saved; null when refused.' })
  staff?: Staff | null;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@ObjectType({ description: 'Result of a mutation that may generate a password.' })
export class StaffPasswordPayload {
  @Field(() => Staff, { nullable: true, description: 'The staff member; null when refused.' })
  staff?: Staff | null;

  @Field(() => String, { nullable: true, description: 'The generated password, shown this once (only when none was given). Only its hash is stored.' })
  generatedPassword?: string | null;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors: UserError[] = [];
}
