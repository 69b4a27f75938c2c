import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../graphql/connection.js';
import { UserError } from '../../../graphql/user-error.js';
import { ContactChannel } from '../../customer/customer-archive.enums.js';
import { WorkOrderProgress } from '../../tracking/progress.types.js';
import { FollowUpTask, Survey } from '../follow-up.entity.js';
import { FollowUpSettings } from '../follow-up-settings.entity.js';
import { CallOutcome, FollowUpKind, FollowUpStatus } from '../follow-up.enums.js';

@InputType({ description: 'The customer’s rating of the visit (R-FU-2), 1 (poor) to 5 (excellent).' })
export class SurveyInput {
  @Field(() => Int, { description: 'Service attitude, 1–5.' })
  attitude!: number;

  @Field(() => Int, { description: 'Work quality, 1–5.' })
  quality!: number;

  @Field(() => Int, { description: 'Price transparency, 1–5.' })
  priceTransparency!: number;

  @Field(() => String, { nullable: true, description: 'Suggestions, in the customer’s words.' })
  suggestions?: string | null;
}

@InputType({ description: 'One call of a follow-up task (R-FU-1): every attempt is logged.' })
export class CompleteFollowUpInput {
  @Field(() => ID, { description: 'The task.' })
  taskId!: string;

  @Field(() => CallOutcome, { description: 'How it went; not reached, the task comes back later.' })
  outcome!: CallOutcome;

  @Field(() => ContactChannel, { description: 'How the customer was contacted.' })
  channel!: ContactChannel;

  @Field(() => String, { nullable: true, description: 'What was said.' })
  notes?: string | null;

  @Field(() => SurveyInput, { nullable: true, description: 'The customer’s rating, when reached.' })
  survey?: SurveyInput | null;
}

@InputType({ description: 'Narrows the follow-up list.' })
export class FollowUpFilter {
  @Field(() => [FollowUpKind], { nullable: true, description: 'Only these kinds.' })
  kind?: FollowUpKind[] | null;

  @Field(() => [FollowUpStatus], { nullable: true, description: 'Only these statuses (OVERDUE: open past the due time).' })
  status?: FollowUpStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only tasks assigned to me or to nobody (customer service’s common list).' })
  assignedToMe?: boolean | null;
}

@ObjectType({ description: 'The task after the call, or why not.' })
export class CompleteFollowUpPayload {
  @Field(() => FollowUpTask, { nullable: true, description: 'The task as saved; null when refused.' })
  task?: FollowUpTask | null;

  @Field(() => Survey, { nullable: true, description: 'The survey recorded with the call, if any.' })
  survey?: Survey | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}

export const TaskConnection = ConnectionType(FollowUpTask, 'Task');

@InputType({ description: 'R-FU-2: the customer rates the visit on their progress page after delivery (no login; the token is the credential).' })
export class AnswerSurveyByLinkInput extends SurveyInput {
  @Field(() => String, { description: 'The customer’s tracking token.' })
  token!: string;
}

@ObjectType({ description: 'The survey as the customer’s progress page shows it: offered after delivery while the link lives.' })
export class ProgressSurvey {
  @Field(() => Boolean, { description: 'Whether this visit has been rated (on the page or on the callback).' })
  answered!: boolean;

  @Field(() => Int, { nullable: true, description: 'Service attitude given, 1–5.' })
  attitude!: number | null;

  @Field(() => Int, { nullable: true, description: 'Work quality given, 1–5.' })
  quality!: number | null;

  @Field(() => Int, { nullable: true, description: 'Price transparency given, 1–5.' })
  priceTransparency!: number | null;
}

@ObjectType({ description: 'The progress after the survey, or why not.' })
export class AnswerSurveyByLinkPayload {
  @Field(() => WorkOrderProgress, { nullable: true, description: 'The order’s progress as the link shows it; null when refused.' })
  progress?: WorkOrderProgress | null;

  @Field(() => [UserError], { description: 'Why the survey was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'The follow-up timings of your store (R-FU-1).' })
export class UpdateFollowUpSettingsInput {
  @Field(() => Int, { description: 'Hours after delivery within which the callback is due (1 to 72).' })
  callbackWithinHours!: number;

  @Field(() => Int, { description: 'The version you read.' })
  expectedVersion!: number;
}

@ObjectType({ description: 'The settings as saved, or why not.' })
export class FollowUpSettingsPayload {
  @Field(() => FollowUpSettings, { nullable: true, description: 'The settings as saved; null when refused.' })
  settings?: FollowUpSettings | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}
