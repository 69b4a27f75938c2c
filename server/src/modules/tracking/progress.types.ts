import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { WorkOrderStatus } from '../work-order/work-order.enums.js';

export enum ProgressStepKey {
  RECEIVED = 'RECEIVED',
  ESTIMATE = 'ESTIMATE',
  REPAIR = 'REPAIR',
  QUALITY_CHECK = 'QUALITY_CHECK',
  WASH = 'WASH',
  READY = 'READY',
}

export enum ProgressStepState {
  DONE = 'DONE',
  CURRENT = 'CURRENT',
  PENDING = 'PENDING',
  SKIPPED = 'SKIPPED',
}

registerEnumType(ProgressStepKey, { name: 'ProgressStepKey' });
registerEnumType(ProgressStepState, { name: 'ProgressStepState' });

@ObjectType()
export class ProgressStep {
  @Field(() => ProgressStepKey)
  key!: ProgressStepKey;

  @Field(() => String)
  label!: string;

  @Field(() => ProgressStepState)
  state!: ProgressStepState;

  @Field(() => Date, { nullable: true, description: 'When the car reached this step.' })
  at?: Date | null;
}

@ObjectType({ description: 'The car as the customer page shows it: no VIN, plate masked.' })
export class ProgressVehicle {
  @Field(() => String)
  model!: string;

  @Field(() => String, { nullable: true })
  color?: string | null;

  @Field(() => String)
  plateMasked!: string;
}

@ObjectType()
export class ProgressDelay {
  @Field(() => String)
  reason!: string;

  @Field(() => String, { nullable: true })
  remedy?: string | null;
}

@ObjectType({ description: 'The advisor to call: name and business phone only.' })
export class ProgressAdvisor {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

/** What the holder of a tracking link may see (§14): nothing about the customer or any other order. */
@ObjectType()
export class WorkOrderProgress {
  @Field(() => String)
  number!: string;

  @Field(() => WorkOrderStatus)
  status!: WorkOrderStatus;

  @Field(() => [ProgressStep])
  steps!: ProgressStep[];

  @Field(() => ProgressVehicle)
  vehicle!: ProgressVehicle;

  @Field(() => Date, { nullable: true })
  promisedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  estimatedCompletionAt?: Date | null;

  @Field(() => ProgressDelay, { nullable: true })
  delay?: ProgressDelay | null;

  @Field(() => ProgressAdvisor)
  advisor!: ProgressAdvisor;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => String, { description: "The store's IANA time zone: show times as the workshop does, whatever the phone is set to." })
  timeZone!: string;
}
