import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../graphql/connection.js';
import { UserError } from '../../../graphql/user-error.js';
import { Staff } from '../../staff/staff.entity.js';
import { Complaint, ComplaintSettings } from '../complaint.entity.js';
import { ComplaintCategory, ComplaintChannel, ComplaintEventKind, ComplaintSeverity, ComplaintStatus } from '../complaint.enums.js';

@InputType({ description: 'A complaint as the customer made it (R-FU-3).' })
export class FileComplaintInput {
  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field(() => ID, { nullable: true, description: 'The work order it concerns, if any (the customer’s own).' })
  workOrderId?: string | null;

  @Field(() => String, { description: 'The customer’s exact words (at most 2000 characters).' })
  words!: string;

  @Field(() => ComplaintCategory, { description: 'What it is about.' })
  category!: ComplaintCategory;

  @Field(() => ComplaintSeverity, { description: 'How serious; MAJOR goes to the management at once.' })
  severity!: ComplaintSeverity;

  @Field(() => ComplaintChannel, { description: 'How it reached the store.' })
  channel!: ComplaintChannel;
}

@InputType({ description: 'A step of a complaint along its transitions table (R-FU-3).' })
export class TransitionComplaintInput {
  @Field(() => ID, { description: 'The complaint.' })
  id!: string;

  @Field(() => ComplaintStatus, { description: 'Where it goes.' })
  to!: ComplaintStatus;

  @Field(() => Int, { description: 'The version you read; refused with STALE_VERSION when it changed since.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'The response, the resolution, or why it is reopened (required for those moves).' })
  note?: string | null;
}

@InputType({ description: 'Narrows the complaint list.' })
export class ComplaintFilter {
  @Field(() => [ComplaintStatus], { nullable: true, description: 'Only these statuses.' })
  status?: ComplaintStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True: only escalated ones; false: only not escalated.' })
  escalated?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only this customer’s.' })
  customerId?: string | null;
}

@InputType({ description: 'The complaint deadlines of your store.' })
export class UpdateComplaintSettingsInput {
  @Field(() => Int, { description: 'Minutes to the first response (15 to 1440).' })
  responseMinutes!: number;

  @Field(() => Int, { description: 'Days before an unresolved complaint is reported (1 to 30).' })
  reportAfterDays!: number;

  @Field(() => Int, { description: 'Days after the resolution for the confirming re-callback (1 to 14).' })
  recallDays!: number;

  @Field(() => Int, { description: 'The version you read.' })
  expectedVersion!: number;
}

@ObjectType({ description: 'One step of a complaint’s history, from the event log.' })
export class ComplaintEvent {
  @Field(() => Date, { description: 'When.' })
  at!: Date;

  @Field(() => ComplaintEventKind, { description: 'What happened.' })
  kind!: ComplaintEventKind;

  @Field(() => String, { nullable: true, description: 'The note of the step (response, resolution, reason).' })
  note?: string | null;

  @Field(() => Staff, { nullable: true, description: 'Who (null for the system: escalations and reports).' })
  by?: Staff | null;
}

@ObjectType({ description: 'The complaint after the change, or why not.' })
export class ComplaintPayload {
  @Field(() => Complaint, { nullable: true, description: 'The complaint as saved; null when refused.' })
  complaint?: Complaint | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@ObjectType({ description: 'The deadlines after the change, or why not.' })
export class ComplaintSettingsPayload {
  @Field(() => ComplaintSettings, { nullable: true, description: 'The settings as saved; null when refused.' })
  settings?: ComplaintSettings | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}

export const ComplaintConnection = ConnectionType(Complaint, 'Complaint');
