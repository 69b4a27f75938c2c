import { Field, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../graphql/connection.js';
import { UserError } from '../../../graphql/user-error.js';
import { OutboxChannel } from '../../outbox/outbox.enums.js';
import { Campaign } from '../campaign.entity.js';
import { CampaignAudienceInput } from './campaign-audience.js';

@InputType({ description: 'A new campaign (R-CARE-6).' })
export class CreateCampaignInput {
  @Field(() => String, { description: 'Its name (at most 60 characters).' })
  name!: string;

  @Field(() => String, { description: 'A campaign template: WINTER_CHECK, SUMMER_AC or HOLIDAY_TRIP.' })
  template!: string;

  @Field(() => CampaignAudienceInput, { description: 'Whom it is for.' })
  audience!: CampaignAudienceInput;

  @Field(() => Date, { description: 'When its messages go: in the future, within 90 days.' })
  sendFrom!: Date;

  @Field(() => OutboxChannel, { nullable: true, description: 'SMS, WECHAT or APP_PUSH; each customer’s preferred channel when not given (a phone call is not a campaign channel).' })
  channel?: OutboxChannel | null;
}

@ObjectType({ description: 'The campaign created, or why not.' })
export class CreateCampaignPayload {
  @Field(() => Campaign, { nullable: true, description: 'The campaign; null when refused.' })
  campaign?: Campaign | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}

export const CampaignConnection = ConnectionType(Campaign, 'Campaign');
