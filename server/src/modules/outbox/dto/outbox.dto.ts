import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../graphql/connection.js';
import { UserError } from '../../../graphql/user-error.js';
import { OutboxMessage, OutboxSettings } from '../outbox.entity.js';
import { OutboxChannel, OutboxStatus } from '../outbox.enums.js';

@InputType({ description: 'Narrows the outbox list.' })
export class OutboxFilter {
  @Field(() => [OutboxStatus], { nullable: true, description: 'Only these statuses.' })
  status?: OutboxStatus[] | null;

  @Field(() => [OutboxChannel], { nullable: true, description: 'Only these channels.' })
  channel?: OutboxChannel[] | null;

  @Field(() => ID, { nullable: true, description: 'Only this customer’s messages.' })
  customerId?: string | null;
}

@InputType({ description: 'The store’s sending rules (R-CARE-6/7).' })
export class UpdateOutboxSettingsInput {
  @Field(() => String, { description: 'Start of the quiet hours, HH:mm.' })
  quietStart!: string;

  @Field(() => String, { description: 'End of the quiet hours, HH:mm.' })
  quietEnd!: string;

  @Field(() => Int, { description: 'At most this many CARE and MARKETING messages per customer in the window (1 to 50).' })
  capCount!: number;

  @Field(() => Int, { description: 'The window in days (1 to 90).' })
  capWindowDays!: number;

  @Field(() => String, { description: 'Language of messages: zh or en.' })
  defaultLocale!: string;

  @Field(() => Int, { description: 'Attempts before a message is FAILED (1 to 10).' })
  maxAttempts!: number;

  @Field(() => Int, { description: 'First retry delay in seconds, doubling (10 to 3600).' })
  retryBaseSeconds!: number;

  @Field(() => Int, { description: 'The version you read.' })
  expectedVersion!: number;
}

@ObjectType({ description: 'The sending rules after the change, or why not.' })
export class OutboxSettingsPayload {
  @Field(() => OutboxSettings, { nullable: true, description: 'The settings as saved; null when refused.' })
  settings?: OutboxSettings | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}

export const OutboxMessageConnection = ConnectionType(OutboxMessage, 'OutboxMessage');
