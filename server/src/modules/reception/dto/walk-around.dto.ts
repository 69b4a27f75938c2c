import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../../graphql/user-error.js';
import { WorkOrder } from '../../work-order/work-order.entity.js';
import { DamageArea, DamageKind } from '../reception.enums.js';
import { WalkAround } from '../walk-around.entity.js';

@InputType({ description: 'A damage found on the walk-around (R-REC-3).' })
export class WalkAroundDamageInput {
  @Field(() => DamageArea, { description: 'Where on the car.' })
  area!: DamageArea;

  @Field(() => DamageKind, { description: 'What kind of damage.' })
  kind!: DamageKind;

  @Field(() => Float, { description: 'Its size in cm (the longest extent), 0.1 to 500.' })
  sizeCm!: number;

  @Field(() => [ID], { description: 'Photos of it: global ids of received uploads of purpose WALK_AROUND_PHOTO (1 to 10).' })
  photoIds!: string[];

  @Field(() => String, { nullable: true, description: 'A remark (where exactly, for OTHER).' })
  note?: string | null;
}

@InputType({ description: 'The walk-around sheet (环车检查单) of a work order, or the customer’s refusal of it (R-REC-3).' })
export class RecordWalkAroundInput {
  @Field(() => ID, { description: 'Global id of the work order (DRAFT).' })
  workOrderId!: string;

  @Field(() => Boolean, { description: 'The customer declined the walk-around: give declineReason and the signature; nothing else is checked.' })
  declined!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the customer declined (required when declined).' })
  declineReason?: string | null;

  @Field(() => Int, { nullable: true, description: 'Odometer reading in km (required unless declined); not below the recorded mileage.' })
  mileage?: number | null;

  @Field(() => Int, { nullable: true, description: 'Fuel level, 0 to 100 % (required unless declined).' })
  fuelLevelPercent?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Protective covers fitted (四件套) (required unless declined).' })
  coversFitted?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'The customer was reminded to take their valuables (required unless declined).' })
  valuablesReminded?: boolean | null;

  @Field(() => String, { nullable: true, description: 'The interior as found.' })
  interiorNotes?: string | null;

  @Field(() => String, { nullable: true, description: 'The tyres as found.' })
  tyreNotes?: string | null;

  @Field(() => [WalkAroundDamageInput], { nullable: true, defaultValue: [], description: 'Every damage found, along the route (at most 50); none when declined.' })
  damages?: WalkAroundDamageInput[];

  @Field(() => ID, { nullable: true, description: 'The customer’s signature: global id of a received upload of purpose SIGNATURE. Required (also for a refusal).' })
  customerSignatureId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The work order’s version read; refused with STALE_VERSION when it has moved on.' })
  expectedVersion?: number | null;
}

@ObjectType({ description: 'The walk-around recorded, or why not.' })
export class RecordWalkAroundPayload {
  @Field(() => WalkAround, { nullable: true, description: 'The walk-around; null when refused.' })
  walkAround?: WalkAround | null;

  @Field(() => WorkOrder, { nullable: true, description: 'The work order as it is now (its version moved on); null when refused.' })
  workOrder?: WorkOrder | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}
