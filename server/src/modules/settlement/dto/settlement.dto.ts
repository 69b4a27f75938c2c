import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../../graphql/user-error.js';
import { WorkOrder } from '../../work-order/work-order.entity.js';
import { Settlement, SettlementIssuedPart, SettlementLine, SettlementReversal, SettlementSettings, SettlementTotals } from '../settlement.entity.js';
import { InvoiceKind, PaymentMethod } from '../settlement.enums.js';

@InputType({ description: 'R-DEL-3: one part of a (split) payment.' })
export class PaymentInput {
  @Field(() => PaymentMethod, { description: 'Cash, card, WeChat Pay or Alipay.' })
  method!: PaymentMethod;

  @Field(() => Int, { description: 'Amount in fen, above 0.' })
  amountFen!: number;

  @Field(() => String, { nullable: true, description: 'The payment’s reference (transaction number, card slip), up to 64 characters.' })
  reference?: string | null;
}

@InputType({ description: 'R-DEL-3: the VAT invoice the customer asks for.' })
export class InvoiceInput {
  @Field(() => InvoiceKind, { description: 'Ordinary or special VAT invoice.' })
  kind!: InvoiceKind;

  @Field(() => String, { nullable: true, description: 'Company name (required for SPECIAL), up to 100 characters.' })
  companyName?: string | null;

  @Field(() => String, { nullable: true, description: 'Unified social credit code, 18 characters with its check character (GB 32100-2015); required for SPECIAL.' })
  taxId?: string | null;
}

@InputType({ description: 'R-DEL-3: settles a READY work order.' })
export class SettleWorkOrderInput {
  @Field(() => ID, { description: 'Global id of the work order.' })
  workOrderId!: string;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Discount in fen off what the customer pays; above the store’s limit only a manager may give it.' })
  discountFen?: number;

  @Field(() => String, { nullable: true, description: 'Why the discount is given; required with a discount.' })
  discountReason?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'R-SEG-5: points to redeem, at the store’s rate; not more than the balance nor than what the customer owes.' })
  pointsToRedeem?: number;

  @Field(() => [PaymentInput], { description: 'Payments (split allowed, at most 10) adding up exactly to what the customer pays; empty when nothing is due.' })
  payments!: PaymentInput[];

  @Field(() => InvoiceInput, { nullable: true, description: 'The invoice asked for; omitted: none.' })
  invoice?: InvoiceInput | null;
}

@ObjectType({ description: 'The settlement and the work order, or why not.' })
export class SettleWorkOrderPayload {
  @Field(() => Settlement, { nullable: true, description: 'The settlement; null when refused.' })
  settlement?: Settlement | null;

  @Field(() => WorkOrder, { nullable: true, description: 'The work order settled; null when refused.' })
  workOrder?: WorkOrder | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'Reverses a settlement (a correction); the order may then be settled again.' })
export class ReverseSettlementInput {
  @Field(() => ID, { description: 'Global id of the settlement.' })
  settlementId!: string;

  @Field(() => String, { description: 'Why (1–500 characters).' })
  reason!: string;
}

@ObjectType({ description: 'The reversal, or why not.' })
export class ReverseSettlementPayload {
  @Field(() => SettlementReversal, { nullable: true, description: 'The reversal; null when refused.' })
  reversal?: SettlementReversal | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  userErrors: UserError[] = [];
}

@ObjectType({ description: 'R-DEL-3: what a settlement of the order would be now, without discount or points.' })
export class SettlementPreview {
  @Field(() => [SettlementLine], { description: 'The lines to charge: approved lines of approved estimates only.' })
  lines!: SettlementLine[];

  @Field(() => [SettlementIssuedPart], { description: 'R-WO-5: catalog parts issued to the order: covered by the approved lines (charged once, by the line) or beyond them (shown, not charged: R-EST-6).' })
  issuedParts!: SettlementIssuedPart[];

  @Field(() => SettlementTotals, { description: 'The totals in fen (no discount, no points).' })
  totals!: SettlementTotals;

  @Field(() => Int, { description: 'R-SEG-5: the customer’s points balance.' })
  pointsAvailable!: number;

  @Field(() => Int, { description: 'R-SEG-5: points worth 1 元 at this store.' })
  pointsPerYuan!: number;
}

@InputType({ description: 'Changes the store’s cash-desk settings.' })
export class UpdateSettlementSettingsInput {
  @Field(() => Int, { nullable: true, description: 'Discounts above this many fen need a manager (0–10 000 000).' })
  discountLimitFen?: number | null;

  @Field(() => Int, { nullable: true, description: 'Points worth 1 元 (1–10 000).' })
  pointsPerYuan?: number | null;

  @Field(() => Int, { nullable: true, description: 'Points earned per whole 元 paid (0–100).' })
  pointsEarnedPerYuan?: number | null;

  @Field(() => Int, { nullable: true, description: 'The version read; refused with STALE_VERSION when it changed.' })
  expectedVersion?: number | null;
}

@ObjectType({ description: 'The settings after the change, or why not.' })
export class SettlementSettingsPayload {
  @Field(() => SettlementSettings, { nullable: true, description: 'The settings as they are now; null when refused.' })
  settings?: SettlementSettings | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'R-SEG-5: adds or takes points by hand (behaviour points: check-in, sharing; corrections), with the reason.' })
export class AdjustPointsInput {
  @Field(() => ID, { description: 'Global id of the customer.' })
  customerId!: string;

  @Field(() => Int, { description: 'Points to add (positive) or take (negative); not 0. The balance never goes below 0.' })
  delta!: number;

  @Field(() => String, { description: 'Why (1–200 characters).' })
  reason!: string;
}
