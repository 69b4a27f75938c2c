import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.js';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { ConnectionType } from '../../graphql/connection.js';
import { Customer } from '../customer/customer.entity.js';
import { ValueClass } from '../customer/customer-type.js';
import { VehicleUsage } from '../vehicle/vehicle.enums.js';
import { SegmentationSettings } from './segmentation.entity.js';
import type { Reason } from './segmentation.rules.js';
import { BehaviourPointsReason, ChurnRiskLevel, SegmentTag, VehicleAgeClass } from './segmentation.enums.js';

@ObjectType({ description: 'R-SEG-4: why a customer may be lost, and how likely.' })
export class ChurnRiskSummary {
  @Field(() => ChurnRiskLevel, { description: 'How likely the customer is lost.' })
  level!: ChurnRiskLevel;

  @Field(() => String, { description: 'The most serious reason, in the requested language (e.g. 近 8 个月未到店).' })
  reason!: string;

  @Field(() => [String], { description: 'Every reason, the most serious first.' })
  reasons!: string[];
}

@ObjectType({ description: 'R-SEG-1..4: a customer’s segment, computed from the service history, with the reasons.' })
export class CustomerSegmentView {
  @Field(() => ValueClass, { description: 'R-SEG-3: A loyal, B opportunity, C marginal, D lost.' })
  valueClass!: ValueClass;

  @Field(() => [String], { description: 'Why this class, in the requested language (e.g. 12 个月消费 ¥8,600; 近 6 个月未到店).' })
  reasons!: string[];

  @Field(() => VehicleAgeClass, { nullable: true, description: 'R-SEG-1: the age class of the customer’s main car (the one seen last); null when its age is unknown.' })
  vehicleAgeClass?: VehicleAgeClass | null;

  @Field(() => VehicleUsage, { description: 'R-SEG-2: private, official or commercial — the main car’s recorded usage, else the customer’s type.' })
  usage!: VehicleUsage;

  @Field(() => [String], { description: 'R-SEG-4: tags by car age, visit frequency and condition, in the requested language.' })
  tags!: string[];

  @Field(() => [SegmentTag], { description: 'The same tags as stable codes, for filters.' })
  tagCodes!: SegmentTag[];

  @Field(() => ChurnRiskSummary, { nullable: true, description: 'R-SEG-4: the churn risk with its reason; null when there is none. Managers and customer service only.' })
  churnRisk?: ChurnRiskSummary | null;

  @Field(() => Date, { nullable: true, description: 'The last visit (a settlement in force); null before the first.' })
  lastVisitAt?: Date | null;
}

@ObjectType({ implements: Node, description: 'R-SEG-4: a customer at risk of being lost (its id is the customer’s, as a ChurnRisk node).' })
export class ChurnRiskEntry {
  id!: number;

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('ChurnRisk', this.id);
  }

  @Field(() => Customer, { description: 'The customer.' })
  customer!: Customer;

  @Field(() => ChurnRiskLevel, { description: 'How likely the customer is lost.' })
  level!: ChurnRiskLevel;

  /** Every reason as codes and parameters, the most serious first (translated by the resolver). */
  reasonList: Reason[] = [];

  @Field(() => Date, { nullable: true, description: 'The last visit; null when the customer never came.' })
  lastVisitAt?: Date | null;
}

export const ChurnRiskConnection = ConnectionType(ChurnRiskEntry, 'ChurnRisk');

@InputType({ description: 'R-SEG-5: behaviour points for a customer (check-in, sharing…), within the store’s daily cap.' })
export class AwardPointsInput {
  @Field(() => ID, { description: 'Global id of the customer.' })
  customerId!: string;

  @Field(() => Int, { description: 'Points to give (1 to the daily cap).' })
  points!: number;

  @Field(() => BehaviourPointsReason, { description: 'Why they are given.' })
  reason!: BehaviourPointsReason;

  @Field(() => String, { nullable: true, description: 'A note kept in the ledger (up to 100 characters).' })
  note?: string | null;
}

@ObjectType({ description: 'The customer with the new balance, or why not.' })
export class AwardPointsPayload {
  @Field(() => Customer, { nullable: true, description: 'The customer (ask for points { balance }); null when refused.' })
  customer?: Customer | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'R-SEG-1..5: new thresholds; omitted fields stay.' })
export class UpdateSegmentationSettingsInput {
  @Field(() => Int, { nullable: true, description: 'Look-back window in months (1–60).' })
  lookbackMonths?: number | null;

  @Field(() => Int, { nullable: true, description: 'A class: minimum spend in the window, fen.' })
  aMinSpendFen?: number | null;

  @Field(() => Int, { nullable: true, description: 'A class: minimum paid visits in the window.' })
  aMinPaidVisits?: number | null;

  @Field(() => Int, { nullable: true, description: 'D class and churn: months without a visit (1–60).' })
  lostAfterMonths?: number | null;

  @Field(() => Int, { nullable: true, description: 'C class: average days between visits above which they are long gaps.' })
  longGapDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days after the warranty end without a visit that count as left after warranty.' })
  leftAfterWarrantyDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Warranty years of a car without its own terms.' })
  defaultWarrantyYears?: number | null;

  @Field(() => Int, { nullable: true, description: 'Warranty kilometres of a car without its own terms.' })
  defaultWarrantyKm?: number | null;

  @Field(() => Int, { nullable: true, description: 'Tag FREQUENT_VISITS: visits in the window.' })
  frequentVisits?: number | null;

  @Field(() => Int, { nullable: true, description: 'Tag FAULT_PRONE: repair visits in the window.' })
  faultProneRepairs?: number | null;

  @Field(() => Int, { nullable: true, description: 'Tag HIGH_MILEAGE: kilometres a year.' })
  highMileageKmPerYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'R-SEG-5: behaviour points per customer and store day.' })
  behaviourPointsDailyCap?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'A-class customers may take same-day slots.' })
  aClassSameDay?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'The version read; refused with STALE_VERSION when it changed.' })
  expectedVersion?: number | null;
}

@ObjectType({ description: 'The settings after the change, or why not.' })
export class SegmentationSettingsPayload {
  @Field(() => SegmentationSettings, { nullable: true, description: 'The settings as they are now; null when refused.' })
  settings?: SegmentationSettings | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  userErrors: UserError[] = [];
}

@ObjectType({ description: 'How many customers were recomputed.' })
export class RecomputeSegmentsPayload {
  @Field(() => Int, { description: 'Customers recomputed.' })
  customers!: number;
}
