import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.js';
import { Customer } from './customer.entity.js';
import { CustomerType } from './customer-type.js';
import { CustomerArchiveSettings } from './customer-archive.entity.js';
import { ArchiveField, ContactChannel, CustomerSource } from './customer-archive.enums.js';
import { LunarDateInput } from './lunar-date.js';

@InputType({ description: 'Changes a customer’s archive (R-ARC-1); omitted fields stay as they are, null clears a field.' })
export class UpdateCustomerInput {
  @Field(() => ID, { description: 'The customer.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; refused with STALE_VERSION when someone changed the archive since.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Full name (cannot be cleared).' })
  name?: string | null;

  @Field(() => CustomerType, { nullable: true, description: 'Private, official or commercial (cannot be cleared).' })
  customerType?: CustomerType | null;

  @Field(() => String, { nullable: true, description: 'National ID number, 18 characters with a valid check character (GB 11643).' })
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Occupation.' })
  occupation?: string | null;

  @Field(() => String, { nullable: true, description: 'Address.' })
  address?: string | null;

  @Field(() => [String], { nullable: true, description: 'Interests (at most 10, each at most 20 characters).' })
  interests?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Solar birthday, YYYY-MM-DD (it must match the ID number’s, when both are given).' })
  birthday?: string | null;

  @Field(() => LunarDateInput, { nullable: true, description: 'Lunar birthday.' })
  lunarBirthday?: LunarDateInput | null;

  @Field(() => ContactChannel, { nullable: true, description: 'Preferred contact channel.' })
  preferredChannel?: ContactChannel | null;

  @Field(() => String, { nullable: true, description: 'Preferred contact time, as the customer said it.' })
  preferredContactTime?: string | null;

  @Field(() => CustomerSource, { nullable: true, description: 'Sold here, or first visit of a car sold elsewhere.' })
  source?: CustomerSource | null;

  @Field(() => String, { nullable: true, description: 'Observed notes (at most 2000 characters).' })
  notes?: string | null;
}

@ObjectType({ description: 'The customer after the change, or why not.' })
export class UpdateCustomerPayload {
  @Field(() => Customer, { nullable: true, description: 'The customer as saved; null when refused.' })
  customer?: Customer | null;

  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@ObjectType({ description: 'How complete a customer’s archive is (R-ARC-4).' })
export class CustomerArchive {
  @Field(() => Boolean, { description: 'Every required field is there.' })
  complete!: boolean;

  @Field(() => [ArchiveField], { description: 'The required fields still missing.' })
  missing!: ArchiveField[];

  @Field(() => Date, { description: 'First contact: when the customer was registered.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the archive must be complete (first contact + the store’s deadline).' })
  dueBy!: Date;

  @Field(() => Boolean, { description: 'Incomplete past its due time.' })
  overdue!: boolean;
}

@InputType({ description: 'The archive requirement of your store (R-ARC-4).' })
export class UpdateArchiveSettingsInput {
  @Field(() => [ArchiveField], { description: 'Fields every archive must have.' })
  requiredFields!: ArchiveField[];

  @Field(() => Int, { description: 'Days after first contact (1 to 30).' })
  deadlineDays!: number;

  @Field(() => Int, { description: 'The version you read.' })
  expectedVersion!: number;
}

@ObjectType({ description: 'The archive requirement after the change, or why not.' })
export class ArchiveSettingsPayload {
  @Field(() => CustomerArchiveSettings, { nullable: true, description: 'The settings as saved; null when refused.' })
  settings?: CustomerArchiveSettings | null;

  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@ObjectType({ description: 'Archive completeness of the store (R-ARC-4, target 100 %).' })
export class ArchiveCompleteness {
  @Field(() => Float, { description: 'Complete archives as a percentage of all, one decimal (100 for a store without customers).' })
  percent!: number;

  @Field(() => Int, { description: 'Complete archives.' })
  complete!: number;

  @Field(() => Int, { description: 'All customers of the store.' })
  total!: number;
}
