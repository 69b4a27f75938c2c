import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { QualityLevel, WorkOrderStatus } from '../work-order/work-order.enums.js';

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

registerEnumType(ProgressStepKey, {
  name: 'ProgressStepKey',
  description: 'A step of the customer’s tracker.',
  valuesConfig: {
    RECEIVED: { description: 'The car was received (接车).' },
    ESTIMATE: { description: 'Diagnosis and estimate (诊断报价).' },
    REPAIR: { description: 'Repair (维修中).' },
    QUALITY_CHECK: { description: 'Quality check (质检).' },
    WASH: { description: 'Wash (洗车).' },
    READY: { description: 'Ready to collect (待交车).' },
  },
});
registerEnumType(ProgressStepState, {
  name: 'ProgressStepState',
  description: 'State of a tracker step.',
  valuesConfig: {
    DONE: { description: 'Done.' },
    CURRENT: { description: 'In progress now (or paused, when the order is on hold).' },
    PENDING: { description: 'Not reached yet.' },
    SKIPPED: { description: 'Not part of this order (e.g. no wash).' },
  },
});

@ObjectType({ description: 'One step of the customer’s tracker.' })
export class ProgressStep {
  @Field(() => ProgressStepKey, { description: 'Which step.' })
  key!: ProgressStepKey;

  @Field(() => String, { description: 'Its label in the request’s language.' })
  label!: string;

  @Field(() => ProgressStepState, { description: 'Done, current, pending or skipped.' })
  state!: ProgressStepState;

  @Field(() => Date, { nullable: true, description: 'When the car reached this step.' })
  at?: Date | null;

  @Field(() => String, { nullable: true, description: 'More about the step in the request’s language: for the current quality check, which level is done (R-QC-1, e.g. 互检已完成); else null.' })
  detail?: string | null;
}

@ObjectType({ description: 'The car as the customer page shows it: no VIN, plate masked.' })
export class ProgressVehicle {
  @Field(() => String, { description: 'Model.' })
  model!: string;

  @Field(() => String, { nullable: true, description: 'Colour.' })
  color?: string | null;

  @Field(() => String, { description: 'Plate with the middle hidden (京A***45).' })
  plateMasked!: string;
}

@ObjectType({ description: 'A delay notice for the customer.' })
export class ProgressDelay {
  @Field(() => String, { description: 'Why the promise moved.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'What the store offers for it, if anything.' })
  remedy?: string | null;
}

@ObjectType({ description: 'The advisor to call: name and business phone only.' })
export class ProgressAdvisor {
  @Field(() => String, { description: 'The advisor’s name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The advisor’s work phone.' })
  phone?: string | null;
}

/** What the holder of a tracking link may see (§14): nothing about the customer or any other order. */
@ObjectType({ description: 'What a customer link shows: the car and its progress, nothing personal.' })
export class WorkOrderProgress {
  /** Not in the schema: which order and store, for field resolvers of other modules (the estimate's pendingEstimate). */
  workOrderId!: number;
  storeId!: number;

  @Field(() => String, { description: 'The work-order number (as printed on the 委托书).' })
  number!: string;

  @Field(() => WorkOrderStatus, { description: 'The order’s status.' })
  status!: WorkOrderStatus;

  @Field(() => [ProgressStep], { description: 'The step tracker, in order.' })
  steps!: ProgressStep[];

  @Field(() => ProgressVehicle, { description: 'The car, without identifying details.' })
  vehicle!: ProgressVehicle;

  @Field(() => Date, { nullable: true, description: 'The standing promise.' })
  promisedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the car is expected to be ready; null once it is.' })
  estimatedCompletionAt?: Date | null;

  @Field(() => ProgressDelay, { nullable: true, description: 'The latest delay notice, if the promise was moved.' })
  delay?: ProgressDelay | null;

  @Field(() => ProgressAdvisor, { description: 'Who to call.' })
  advisor!: ProgressAdvisor;

  @Field(() => Date, { description: 'When the progress last changed; drop anything older.' })
  updatedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'R-WO-6: how far along the work is (0–100), as the workshop last reported; null before the first report.' })
  progressPercent?: number | null;

  @Field(() => String, { nullable: true, description: 'R-WO-6: the workshop’s latest progress note; null before the first.' })
  progressNote?: string | null;

  @Field(() => Date, { nullable: true, description: 'R-WO-6: when progress was last reported.' })
  progressAt?: Date | null;

  @Field(() => QualityLevel, { nullable: true, description: 'R-QC-1: while in quality check, the highest level passed so far (SELF, MUTUAL, FINAL); else null.' })
  qualityLevel?: QualityLevel | null;

  @Field(() => String, { description: "The store's IANA time zone: show times as the workshop does, whatever the phone is set to." })
  timeZone!: string;
}
