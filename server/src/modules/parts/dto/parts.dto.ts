import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../graphql/connection.js';
import { UserError } from '../../../graphql/user-error.js';
import { PartSource } from '../../estimate/estimate.enums.js';
import { Part, PartIssue, PurchaseRequest, StockMovement } from '../parts.entity.js';
import { PurchaseRequestStatus } from '../parts.enums.js';
import { WorkOrder } from '../../work-order/work-order.entity.js';

@InputType({ description: 'A new part of the catalog, with its stock settings.' })
export class CreatePartInput {
  @Field(() => String, { description: 'The part number, unique in the store (stored upper case, without spaces).' })
  partNumber!: string;

  @Field(() => String, { description: 'What it is.' })
  name!: string;

  @Field(() => PartSource, { description: 'Original (OEM) or aftermarket.' })
  source!: PartSource;

  @Field(() => Int, { description: 'Price of one unit, in fen (0 to 10 000 000).' })
  unitPriceFen!: number;

  @Field(() => [String], { nullable: true, description: 'The vehicle models it fits, as written on vehicles (at most 50); empty: fits every model.' })
  fitsModels?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Reorder point (default 0).' })
  reorderPoint?: number | null;

  @Field(() => Int, { nullable: true, description: 'Reorder quantity (default 0: never reorder by itself).' })
  reorderQuantity?: number | null;
}

@ObjectType({ description: 'The part, or why not.' })
export class PartPayload {
  @Field(() => Part, { nullable: true, description: 'The part as it is now; null when refused.' })
  part?: Part | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'Which parts to list.' })
export class PartFilter {
  @Field(() => String, { nullable: true, description: 'A part number prefix or words of the name.' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only parts that fit this vehicle’s model (universal parts included).' })
  fitsVehicleId?: string | null;
}

export const PartConnection = ConnectionType(Part, 'Part');

@InputType({ description: 'Goods received into stock.' })
export class ReceiveStockInput {
  @Field(() => ID, { description: 'Global id of the part.' })
  partId!: string;

  @Field(() => Int, { description: 'Units received (1 to 100 000).' })
  quantity!: number;

  @Field(() => ID, { nullable: true, description: 'The purchase request they arrived for; it is RECEIVED once all it asked for has come.' })
  purchaseRequestId?: string | null;

  @Field(() => String, { nullable: true, description: 'Delivery note.' })
  note?: string | null;
}

@ObjectType({ description: 'The part after the receipt, and the purchase request it closed.' })
export class ReceiveStockPayload {
  @Field(() => Part, { nullable: true, description: 'The part; null when refused.' })
  part?: Part | null;

  @Field(() => PurchaseRequest, { nullable: true, description: 'The purchase request received against, if one was named.' })
  purchaseRequest?: PurchaseRequest | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'A stock count correction.' })
export class AdjustStockInput {
  @Field(() => ID, { description: 'Global id of the part.' })
  partId!: string;

  @Field(() => Int, { description: 'Units to add (positive) or take away (negative); not 0.' })
  delta!: number;

  @Field(() => String, { description: 'Why (e.g. 盘点差异).' })
  reason!: string;
}

@InputType({ description: 'Changes to a part’s stock settings.' })
export class UpdateReorderInput {
  @Field(() => ID, { description: 'Global id of the part.' })
  partId!: string;

  @Field(() => Int, { description: 'Reorder point.' })
  reorderPoint!: number;

  @Field(() => Int, { description: 'Reorder quantity (0: never reorder by itself).' })
  reorderQuantity!: number;
}

@InputType({ description: 'Which purchase requests to list.' })
export class PurchaseRequestFilter {
  @Field(() => [PurchaseRequestStatus], { nullable: true, description: 'Only these statuses.' })
  status?: PurchaseRequestStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only this part’s.' })
  partId?: string | null;
}

export const PurchaseRequestConnection = ConnectionType(PurchaseRequest, 'PurchaseRequest');

@InputType({ description: 'A purchase request raised by hand.' })
export class CreatePurchaseRequestInput {
  @Field(() => ID, { description: 'Global id of the part.' })
  partId!: string;

  @Field(() => Int, { description: 'Units (1 to 100 000).' })
  quantity!: number;

  @Field(() => String, { description: 'Why.' })
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'The appointment the parts are for, if any.' })
  appointmentId?: string | null;
}

@InputType({ description: 'A status move of a purchase request.' })
export class TransitionPurchaseRequestInput {
  @Field(() => ID, { description: 'Global id of the purchase request.' })
  id!: string;

  @Field(() => PurchaseRequestStatus, { description: 'ORDERED or CANCELLED (RECEIVED comes with receiveStock).' })
  to!: PurchaseRequestStatus;

  @Field(() => Int, { nullable: true, description: 'Refused with STALE_VERSION when the request has moved on.' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Required for cancelling.' })
  reason?: string | null;
}

@ObjectType({ description: 'The purchase request, or why not.' })
export class PurchaseRequestPayload {
  @Field(() => PurchaseRequest, { nullable: true, description: 'The purchase request as it is now; null when refused.' })
  purchaseRequest?: PurchaseRequest | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'One part to issue.' })
export class IssuePartLineInput {
  @Field(() => ID, { description: 'Global id of the part.' })
  partId!: string;

  @Field(() => Int, { description: 'Units (1 to 999).' })
  quantity!: number;
}

@InputType({ description: 'Parts issued to a job of a work order in progress (R-WO-5).' })
export class IssuePartsInput {
  @Field(() => ID, { description: 'Global id of the work order (IN_PROGRESS).' })
  workOrderId!: string;

  @Field(() => ID, { description: 'Global id of the job they are for.' })
  jobId!: string;

  @Field(() => [IssuePartLineInput], { description: 'The parts (1 to 20, each part once).' })
  lines!: IssuePartLineInput[];

  @Field(() => String, { nullable: true, description: 'R-WO-5: the foreman’s reason for issuing parts that do not fit the vehicle’s model (recorded on the issue).' })
  fitOverrideReason?: string | null;
}

@ObjectType({ description: 'The issues recorded, or why not (nothing is issued when any line is refused).' })
export class IssuePartsPayload {
  @Field(() => [PartIssue], { description: 'One per line; empty when refused.' })
  issues: PartIssue[] = [];

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'R-WO-5: parts asked for a job of a work order in progress: issued when in stock, else a purchase request for the missing units, linked to the job.' })
export class RequestPartsInput extends IssuePartsInput {}

@ObjectType({ description: 'What a parts request did: the lines issued at once and the purchase requests raised for the short ones (the job waits for them), or why not (nothing is written).' })
export class RequestPartsPayload {
  @Field(() => [PartIssue], { description: 'Lines stock could cover, issued now; empty when refused.' })
  issues: PartIssue[] = [];

  @Field(() => [PurchaseRequest], { description: 'One per short line, for the missing units, linked to the job; empty when refused or nothing was short.' })
  purchaseRequests: PurchaseRequest[] = [];

  @Field(() => WorkOrder, { nullable: true, description: 'The work order as it is now (its jobs show waitingForParts); null when refused.' })
  workOrder?: WorkOrder | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'Issued parts back to stock.' })
export class ReturnPartsInput {
  @Field(() => ID, { description: 'Global id of the issue.' })
  partIssueId!: string;

  @Field(() => Int, { description: 'Units returned (at most what is issued and not yet returned).' })
  quantity!: number;

  @Field(() => String, { description: 'Why.' })
  reason!: string;
}

@ObjectType({ description: 'A part a booking holds (R-APT-5).' })
export class AppointmentPart {
  @Field(() => String, { description: 'The part number.' })
  partNumber!: string;

  @Field(() => Int, { description: 'Units booked.' })
  quantity!: number;

  @Field(() => Int, { description: 'Units still held in stock for the visit (0 once issued to its work order or released).' })
  reserved!: number;
}

export const StockMovementConnection = ConnectionType(StockMovement, 'StockMovement');
