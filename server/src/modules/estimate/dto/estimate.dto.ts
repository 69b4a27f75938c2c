import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../../graphql/user-error.js';
import { Skill } from '../../staff/roles.js';
import { Staff } from '../../staff/staff.entity.js';
import { WorkOrderProgress } from '../../tracking/progress.types.js';
import { WorkOrder } from '../../work-order/work-order.entity.js';
import { Estimate, EstimateLine, EstimateSettings } from '../estimate.entity.js';
import { ApprovalMethod, EstimateLineKind, EstimatePayer, PartSource, WarrantyReason } from '../estimate.enums.js';

@InputType({ description: 'One line of an estimate (R-EST-2). Amounts are derived by the server: give quantity and unit price (PART), standard hours and rate (LABOUR), or the fee (FEE).' })
export class EstimateLineInput {
  @Field(() => EstimateLineKind, { description: 'Part, labour or fee.' })
  kind!: EstimateLineKind;

  @Field(() => String, { nullable: true, description: 'What it is, as the customer reads it (1–200 characters); required, except on a PART line with partId (then the catalog name when omitted).' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'PART: a part of the store’s catalog. Number, source and unit price come from the catalog (omit them); it must fit the vehicle’s model (PART_DOES_NOT_FIT). The line keeps the reference.' })
  partId?: string | null;

  @Field(() => String, { nullable: true, description: 'PART without partId (required): the part number.' })
  partNumber?: string | null;

  @Field(() => PartSource, { nullable: true, description: 'PART without partId (required): OEM or aftermarket.' })
  partSource?: PartSource | null;

  @Field(() => Float, { nullable: true, description: 'PART (required): quantity, > 0, up to 3 decimals.' })
  quantity?: number | null;

  @Field(() => Int, { nullable: true, description: 'PART without partId (required): price of one unit in fen.' })
  unitPriceFen?: number | null;

  @Field(() => Skill, { nullable: true, description: 'LABOUR (required): the trade it needs.' })
  skill?: Skill | null;

  @Field(() => Float, { nullable: true, description: 'LABOUR (required): standard hours, > 0, up to 2 decimals.' })
  standardHours?: number | null;

  @Field(() => Int, { nullable: true, description: 'LABOUR (required): hourly rate in fen.' })
  hourlyRateFen?: number | null;

  @Field(() => Int, { nullable: true, description: 'FEE only (required there): the fee in fen. Never given for parts or labour, whose amounts are derived.' })
  amountFen?: number | null;

  @Field(() => EstimatePayer, { nullable: true, defaultValue: EstimatePayer.CUSTOMER, description: 'Who pays; WARRANTY lines need the warranty clerk’s confirmation before approval.' })
  payer?: EstimatePayer;

  @Field(() => String, { nullable: true, description: 'Lines sharing this key are alternatives (R-EST-3): at most one may be approved; the first one counts in the proposed totals.' })
  alternativeGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'What the customer gives up with this alternative.' })
  tradeOff?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'The customer may defer this line to a later visit (R-EST-3).' })
  deferrable?: boolean;

  @Field(() => String, { nullable: true, description: 'The risk of deferring it; required for a deferrable line.' })
  risk?: string | null;
}

@InputType({ description: 'Writes a work order’s estimate: a new one (superseding an open one), or changes to a DRAFT.' })
export class SaveEstimateInput {
  @Field(() => ID, { description: 'Global id of the work order.' })
  workOrderId!: string;

  @Field(() => ID, { nullable: true, description: 'A DRAFT estimate to change; omitted: a new estimate (an open DRAFT or SENT one of the order is superseded).' })
  estimateId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required with estimateId: the version read; refused with STALE_VERSION when it changed.' })
  expectedVersion?: number | null;

  @Field(() => [EstimateLineInput], { description: 'The lines, in order (1 to 60); they replace the draft’s lines.' })
  lines!: EstimateLineInput[];
}

@ObjectType({ description: 'R-EST-2: totals derived from the lines (never typed), in fen. Before the decision: every line, of an alternative group only the first; after it: the approved lines only.' })
export class EstimateTotals {
  @Field(() => Int, { description: 'Parts, net.' })
  partsFen!: number;

  @Field(() => Int, { description: 'Labour, net.' })
  labourFen!: number;

  @Field(() => Int, { description: 'Other fees, net.' })
  feesFen!: number;

  @Field(() => Int, { description: 'Tax at the estimate’s rate, computed per payer and rounded half up to the fen (0 when prices include tax).' })
  taxFen!: number;

  @Field(() => Int, { description: 'Parts + labour + fees + tax.' })
  totalFen!: number;

  @Field(() => Int, { description: 'Billed to the customer, with tax.' })
  customerFen!: number;

  @Field(() => Int, { description: 'Billed to the manufacturer under warranty, with tax (R-EST-5).' })
  warrantyFen!: number;

  @Field(() => Int, { description: 'Billed to an insurer, with tax.' })
  insuranceFen!: number;
}

@ObjectType({ description: 'The estimate after the change, or why not.' })
export class EstimatePayload {
  @Field(() => Estimate, { nullable: true, description: 'The estimate as it is now; null when refused.' })
  estimate?: Estimate | null;

  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'Sends a DRAFT estimate to the customer.' })
export class SendEstimateInput {
  @Field(() => ID, { description: 'Global id of the estimate.' })
  estimateId!: string;

  @Field(() => Int, { description: 'The version read; refused with STALE_VERSION when it changed.' })
  expectedVersion!: number;
}

@ObjectType({ description: 'The estimate and its work order after the change, or why not.' })
export class EstimateWorkOrderPayload {
  @Field(() => Estimate, { nullable: true, description: 'The estimate as it is now; null when refused.' })
  estimate?: Estimate | null;

  @Field(() => WorkOrder, { nullable: true, description: 'Its work order as it is now; null when refused.' })
  workOrder?: WorkOrder | null;

  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'R-EST-4: records the customer’s approval, taken on site or by phone. Lines in neither list are declined.' })
export class ApproveEstimateInput {
  @Field(() => ID, { description: 'Global id of the SENT estimate.' })
  estimateId!: string;

  @Field(() => Int, { description: 'The version the customer saw; refused with STALE_VERSION when it changed.' })
  expectedVersion!: number;

  @Field(() => [ID], { description: 'The lines approved (of an alternative group at most one).' })
  approvedLineIds!: string[];

  @Field(() => [ID], { description: 'The lines deferred to a later visit (deferrable lines only); they are carried over (R-APT-8).' })
  deferredLineIds!: string[];

  @Field(() => ApprovalMethod, { description: 'ON_SITE_SIGNATURE (with signatureId) or PHONE (with note).' })
  method!: ApprovalMethod;

  @Field(() => ID, { nullable: true, description: 'ON_SITE_SIGNATURE: global id of the signature upload.' })
  signatureId?: string | null;

  @Field(() => String, { nullable: true, description: 'PHONE (required there): time, recording number …' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Who approved; defaults to the work order’s customer.' })
  approverName?: string | null;
}

@InputType({ description: 'R-EST-4: the customer approves the pending estimate through the progress link (no login).' })
export class ApproveEstimateByLinkInput {
  @Field(() => String, { description: 'The customer’s tracking token.' })
  token!: string;

  @Field(() => ID, { description: 'Global id of the pending estimate (trackWorkOrder.pendingEstimate.id).' })
  estimateId!: string;

  @Field(() => Int, { description: 'The version shown; refused with STALE_VERSION when it changed.' })
  expectedVersion!: number;

  @Field(() => [ID], { description: 'The lines approved.' })
  approvedLineIds!: string[];

  @Field(() => [ID], { description: 'The lines deferred to a later visit.' })
  deferredLineIds!: string[];

  @Field(() => String, { description: 'The name of the person approving.' })
  approverName!: string;
}

@ObjectType({ description: 'The progress after the approval, or why not.' })
export class ApproveEstimateByLinkPayload {
  @Field(() => WorkOrderProgress, { nullable: true, description: 'The order’s progress as the link shows it; null when refused.' })
  progress?: WorkOrderProgress | null;

  @Field(() => [UserError], { description: 'Why the approval was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@ObjectType({ description: 'A line as the customer’s link shows it: no internal fields.' })
export class PendingEstimateLine {
  @Field(() => ID, { description: 'Global id of the line (for approvedLineIds / deferredLineIds).' })
  id!: string;

  @Field(() => EstimateLineKind, { description: 'Part, labour or fee.' })
  kind!: EstimateLineKind;

  @Field(() => String, { description: 'What it is.' })
  description!: string;

  @Field(() => PartSource, { nullable: true, description: 'PART: OEM or aftermarket.' })
  partSource?: PartSource | null;

  @Field(() => Float, { nullable: true, description: 'PART: quantity.' })
  quantity?: number | null;

  @Field(() => Int, { nullable: true, description: 'PART: price of one unit in fen.' })
  unitPriceFen?: number | null;

  @Field(() => Float, { nullable: true, description: 'LABOUR: standard hours.' })
  standardHours?: number | null;

  @Field(() => Int, { description: 'The line’s amount in fen.' })
  amountFen!: number;

  @Field(() => EstimatePayer, { description: 'Who pays it.' })
  payer!: EstimatePayer;

  @Field(() => String, { nullable: true, description: 'Alternatives share a group; choose at most one.' })
  alternativeGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'What this alternative gives up.' })
  tradeOff?: string | null;

  @Field(() => Boolean, { description: 'May be deferred to a later visit.' })
  deferrable!: boolean;

  @Field(() => String, { nullable: true, description: 'The risk of deferring it.' })
  risk?: string | null;
}

@ObjectType({ description: 'The estimate waiting for the customer’s approval, as the customer’s link shows it (§14).' })
export class PendingEstimate {
  @Field(() => ID, { description: 'Global id of the estimate.' })
  id!: string;

  @Field(() => Int, { description: 'Its version; pass it back as expectedVersion.' })
  version!: number;

  @Field(() => Boolean, { description: 'Supplemental work found during the repair (R-EST-6).' })
  supplemental!: boolean;

  @Field(() => Int, { description: 'Tax added to the net prices, in basis points (1300 = 13 %); 0: prices include tax. The customer’s total of the lines they choose is computed with it.' })
  taxBasisPoints!: number;

  @Field(() => String, { nullable: true, description: 'Why the supplemental work is needed.' })
  reason?: string | null;

  @Field(() => [PendingEstimateLine], { description: 'The lines, in order.' })
  lines!: PendingEstimateLine[];

  @Field(() => EstimateTotals, { description: 'The proposed totals.' })
  totals!: EstimateTotals;
}

@InputType({ description: 'Changes to the store’s estimate settings.' })
export class UpdateEstimateSettingsInput {
  @Field(() => Int, { description: 'Tax rate in basis points (0 to 3000; 1300 = 13 %; 0 = prices include tax).' })
  taxBasisPoints!: number;

  @Field(() => Int, { description: 'The version read; refused with STALE_VERSION when it changed.' })
  expectedVersion!: number;
}

@ObjectType({ description: 'The settings after the change, or why not.' })
export class EstimateSettingsPayload {
  @Field(() => EstimateSettings, { nullable: true, description: 'The settings; null when refused.' })
  settings?: EstimateSettings | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@ObjectType({ description: 'R-EST-5: whether a vehicle is under warranty on a day at a mileage, from its archive’s purchase date and terms.' })
export class WarrantyEligibility {
  @Field(() => Boolean, { description: 'Within both the years and the kilometres of the terms.' })
  eligible!: boolean;

  @Field(() => WarrantyReason, { description: 'Why (or why not).' })
  reason!: WarrantyReason;

  @Field(() => String, { nullable: true, description: 'Last day of cover by date, YYYY-MM-DD (purchase date + years − 1 day); null without a purchase date or terms.' })
  expiresOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Kilometres covered, inclusive; null without terms.' })
  kmLimit?: number | null;
}

@InputType({ description: 'R-EST-5: the warranty clerk’s decision on a WARRANTY line, before the estimate is approved.' })
export class ConfirmWarrantyInput {
  @Field(() => ID, { description: 'Global id of the estimate line.' })
  estimateLineId!: string;

  @Field(() => Boolean, { description: 'True: covered, billed to the manufacturer; false: not covered, the line becomes payer CUSTOMER.' })
  eligible!: boolean;

  @Field(() => String, { nullable: true, description: 'The manufacturer’s claim number (索赔单号).' })
  claimNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'A note (e.g. why not covered).' })
  note?: string | null;
}

@ObjectType({ description: 'The line after the warranty decision, or why not.' })
export class EstimateLinePayload {
  @Field(() => EstimateLine, { nullable: true, description: 'The line as it is now; null when refused.' })
  line?: EstimateLine | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'R-EST-6: supplemental work found during the job (追加项目): a new estimate for the customer’s approval; its labour becomes jobs that wait for it.' })
export class AddSupplementalWorkInput {
  @Field(() => ID, { description: 'Global id of the work order (QUEUED, IN_PROGRESS or ON_HOLD).' })
  workOrderId!: string;

  @Field(() => String, { description: 'What was found and why the work is needed (told to the customer).' })
  reason!: string;

  @Field(() => [EstimateLineInput], { description: 'The lines (1 to 60); LABOUR lines become jobs waiting for approval.' })
  lines!: EstimateLineInput[];
}

@ObjectType({ description: 'One entry of an estimate’s timeline, read from the event log. Never edited.' })
export class EstimateEvent {
  @Field(() => String, { description: 'What happened: ESTIMATE_SAVED, ESTIMATE_SENT, ESTIMATE_APPROVED, ESTIMATE_DECLINED, ESTIMATE_SUPERSEDED, WARRANTY_DECIDED, SUPPLEMENTAL_ADDED.' })
  kind!: string;

  @Field(() => Int, { nullable: true, description: 'Estimate version after this event.' })
  version!: number | null;

  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;

  @Field(() => String, { description: 'Who: staff, customer (through the link) or system.' })
  actorKind!: string;

  @Field(() => Staff, { nullable: true, description: 'The staff member who did it; null for the customer and the system.' })
  actor!: Staff | Promise<Staff> | null;
}
