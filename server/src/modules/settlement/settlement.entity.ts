import { Check, Entity, Enum, Index, ManyToOne, OneToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../shared/global-id.js';
import { Customer } from '../customer/customer.entity.js';
import { EstimateLineKind, EstimatePayer } from '../estimate/estimate.enums.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { InvoiceKind, PaymentMethod } from './settlement.enums.js';
import type { IssuedPartRow } from './settlement-parts.rules.js';
import { BehaviourPointsReason } from '../segmentation/segmentation.enums.js';

/** Defaults of the store's cash-desk settings. */
export const SETTLEMENT_DEFAULTS = { discountLimitFen: 10_000, pointsPerYuan: 100, pointsEarnedPerYuan: 1 } as const;

@ObjectType({ description: 'One line of a settlement statement: an approved estimate line, with who pays it.' })
export class SettlementLine {
  @Field(() => String, { description: 'What it is, as the customer reads it.' })
  description!: string;

  @Field(() => EstimateLineKind, { description: 'Part, labour or fee.' })
  kind!: EstimateLineKind;

  @Field(() => Int, { description: 'The line’s amount in fen, net of tax (as approved).' })
  amountFen!: number;

  @Field(() => EstimatePayer, { description: 'Who pays it: the customer, the manufacturer under warranty, or an insurer.' })
  payer!: EstimatePayer;
}

@ObjectType({ description: 'R-WO-5: a catalog part issued to the order (net of returns), how much of it the approved lines already charge, and what is beyond them — shown, never charged (it would need the customer’s approval first, R-EST-6).' })
export class SettlementIssuedPart {
  @Field(() => String, { description: 'The part number.' })
  partNumber!: string;

  @Field(() => String, { description: 'The part’s name in the catalog.' })
  name!: string;

  @Field(() => Float, { description: 'Units issued to the order, less returns.' })
  issuedQuantity!: number;

  @Field(() => Float, { description: 'Units an approved PART line of the same catalog part (or part number) charges already: not charged again.' })
  coveredQuantity!: number;

  @Field(() => Float, { description: 'Units beyond the approved lines: not charged.' })
  uncoveredQuantity!: number;

  @Field(() => Int, { description: 'Price of one unit when (last) issued, in fen.' })
  unitPriceFen!: number;

  @Field(() => Int, { description: 'What the uncovered units come to at that price, in fen (rounded half up). Never in the totals.' })
  uncoveredAmountFen!: number;
}

/** The stored form of SettlementIssuedPart (quantities in thousandths). */
/** An issued part as the settlement keeps it (the matching's row). */
export type IssuedPartRecord = IssuedPartRow;

export function toIssuedPart(r: IssuedPartRecord): SettlementIssuedPart {
  return Object.assign(new SettlementIssuedPart(), {
    partNumber: r.partNumber,
    name: r.name,
    issuedQuantity: r.issuedMilli / 1000,
    coveredQuantity: r.coveredMilli / 1000,
    uncoveredQuantity: r.uncoveredMilli / 1000,
    unitPriceFen: r.unitPriceFen,
    uncoveredAmountFen: r.uncoveredAmountFen,
  });
}

@ObjectType({ description: 'R-DEL-3: a settlement’s totals in fen. customerFen + warrantyFen + insuranceFen + discountFen + pointsFen = totalFen.' })
export class SettlementTotals {
  @Field(() => Int, { description: 'Parts, net, every payer.' })
  partsFen!: number;

  @Field(() => Int, { description: 'Labour, net, every payer.' })
  labourFen!: number;

  @Field(() => Int, { description: 'Other fees, net, every payer.' })
  feesFen!: number;

  @Field(() => Int, { description: 'Discount given to the customer (with its reason).' })
  discountFen!: number;

  @Field(() => Int, { description: 'R-SEG-5: value of the points redeemed.' })
  pointsFen!: number;

  @Field(() => Int, { description: 'Tax as the estimate rules compute it: per estimate and payer, rounded half up to the fen (0 when prices include tax).' })
  taxFen!: number;

  @Field(() => Int, { description: 'Parts + labour + fees + tax, every payer, before discount and points.' })
  totalFen!: number;

  @Field(() => Int, { description: 'What the customer pays: their lines with tax, less discount and points.' })
  customerFen!: number;

  @Field(() => Int, { description: 'Billed to the manufacturer under warranty, with tax; never paid by the customer.' })
  warrantyFen!: number;

  @Field(() => Int, { description: 'Billed to an insurer, with tax; never paid by the customer.' })
  insuranceFen!: number;
}

@ObjectType({ description: 'R-DEL-3: one part of a (split) payment.' })
export class SettlementPayment {
  @Field(() => PaymentMethod, { description: 'How it was paid.' })
  method!: PaymentMethod;

  @Field(() => Int, { description: 'Amount in fen.' })
  amountFen!: number;

  @Field(() => String, { nullable: true, description: 'The payment’s reference (transaction number, card slip).' })
  reference?: string | null;
}

@ObjectType({ description: 'R-DEL-3: the VAT invoice asked for.' })
export class SettlementInvoice {
  @Field(() => InvoiceKind, { description: 'Ordinary or special VAT invoice.' })
  kind!: InvoiceKind;

  @Field(() => String, { nullable: true, description: 'The company name on the invoice (required for SPECIAL).' })
  companyName?: string | null;

  @Field(() => String, { nullable: true, description: 'The unified social credit code (统一社会信用代码, GB 32100-2015; required for SPECIAL).' })
  taxId?: string | null;
}

/**
 * 结算单 (R-DEL-3): immutable (no code path changes it; a trigger makes the database refuse updates
 * and deletes), numbered per store without gaps. A correction is a reversal (its own row) and a new
 * settlement.
 */
@Entity({ tableName: 'settlement' })
@Unique({ properties: ['store', 'number'] })
// R-SEG: a customer's visits (settlements) by date, for the segmentation's history.
@Index({ properties: ['customer', 'settledAt'] })
@ObjectType({ implements: Node, description: 'A settlement statement (结算单, R-DEL-3): approved lines only, discount, points, tax, payments and invoice. Immutable; corrected by a reversal and a new settlement.' })
export class Settlement {
  [OptionalProps]?: 'version' | 'globalId' | 'settledAt' | 'lineRows' | 'paymentRows' | 'lines' | 'totals' | 'payments' | 'invoice' | 'issuedPartRows' | 'issuedParts';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => WorkOrder, { ref: true, index: true })
  workOrder!: Ref<WorkOrder>;

  @ManyToOne(() => Customer, { ref: true })
  customer!: Ref<Customer>;

  @Field(() => String, { description: 'The statement number: JS + the store’s calendar day + a gap-free sequence per store and day, e.g. JS202611240001.' })
  @Property({ type: 'string', length: 20 })
  number!: string;

  /** Always 1: a settlement never changes (the log's aggregates carry a version). */
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'jsonb', fieldName: 'lines' })
  lineRows: { description: string; kind: EstimateLineKind; amountFen: number; payer: EstimatePayer; estimateLineId: number }[] = [];

  @Property({ type: 'integer' }) partsFen!: number;
  @Property({ type: 'integer' }) labourFen!: number;
  @Property({ type: 'integer' }) feesFen!: number;
  @Property({ type: 'integer' }) discountFen!: number;
  @Property({ type: 'integer' }) pointsFen!: number;
  @Property({ type: 'integer' }) taxFen!: number;
  @Property({ type: 'integer' }) totalFen!: number;
  @Property({ type: 'integer' }) customerFen!: number;
  @Property({ type: 'integer' }) warrantyFen!: number;
  @Property({ type: 'integer' }) insuranceFen!: number;

  @Field(() => String, { nullable: true, description: 'Why the discount was given; null without a discount.' })
  @Property({ type: 'string', length: 200, nullable: true })
  discountReason?: string | null;

  @Field(() => Int, { description: 'R-SEG-5: points redeemed against this statement.' })
  @Property({ type: 'integer' })
  pointsRedeemed!: number;

  @Field(() => Int, { description: 'R-SEG-5: consumption points earned by this statement.' })
  @Property({ type: 'integer' })
  pointsEarned!: number;

  /** R-WO-5: the catalog parts issued to the order as they met the approved lines when settled. */
  @Property({ type: 'jsonb', fieldName: 'issued_parts', default: '[]' })
  issuedPartRows: IssuedPartRecord[] = [];

  @Property({ type: 'jsonb', fieldName: 'payments' })
  paymentRows: { method: PaymentMethod; amountFen: number; reference: string | null }[] = [];

  @Enum({ items: () => InvoiceKind, nullable: true })
  invoiceKind?: InvoiceKind | null;

  @Property({ type: 'string', length: 100, nullable: true })
  invoiceCompanyName?: string | null;

  @Property({ type: 'string', length: 18, nullable: true })
  invoiceTaxId?: string | null;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  settledBy?: Ref<Staff> | null;

  @Field(() => Date, { description: 'When it was settled.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  settledAt: Date = new Date();

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('Settlement', this.id);
  }

  @Field(() => [SettlementLine], { description: 'The lines charged: approved lines of approved estimates only.' })
  get lines(): SettlementLine[] {
    return this.lineRows.map((l) => Object.assign(new SettlementLine(), { description: l.description, kind: l.kind, amountFen: l.amountFen, payer: l.payer }));
  }

  @Field(() => [SettlementIssuedPart], { description: 'R-WO-5: catalog parts issued to the order when it was settled: covered by the approved lines (charged once, by the line) or beyond them (not charged).' })
  get issuedParts(): SettlementIssuedPart[] {
    return this.issuedPartRows.map(toIssuedPart);
  }

  @Field(() => SettlementTotals, { description: 'The totals in fen.' })
  get totals(): SettlementTotals {
    const { partsFen, labourFen, feesFen, discountFen, pointsFen, taxFen, totalFen, customerFen, warrantyFen, insuranceFen } = this;
    return Object.assign(new SettlementTotals(), { partsFen, labourFen, feesFen, discountFen, pointsFen, taxFen, totalFen, customerFen, warrantyFen, insuranceFen });
  }

  @Field(() => [SettlementPayment], { description: 'How the customer paid; adds up to totals.customerFen.' })
  get payments(): SettlementPayment[] {
    return this.paymentRows.map((p) => Object.assign(new SettlementPayment(), p));
  }

  @Field(() => SettlementInvoice, { nullable: true, description: 'The invoice asked for; null when none.' })
  get invoice(): SettlementInvoice | null {
    return this.invoiceKind ? Object.assign(new SettlementInvoice(), { kind: this.invoiceKind, companyName: this.invoiceCompanyName ?? null, taxId: this.invoiceTaxId ?? null }) : null;
  }
}

/** The reversal of a settlement (a correction): immutable, one per settlement; points are given and taken back. */
@Entity({ tableName: 'settlement_reversal' })
@ObjectType({ description: 'A settlement’s reversal by a manager, with the reason; the order may then be settled again.' })
export class SettlementReversal {
  [OptionalProps]?: 'version' | 'reversedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @OneToOne(() => Settlement, { ref: true, owner: true, unique: true })
  settlement!: Ref<Settlement>;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => String, { description: 'Why it was reversed.' })
  @Property({ type: 'string', length: 500 })
  reason!: string;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  reversedBy?: Ref<Staff> | null;

  @Field(() => Date, { description: 'When it was reversed.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  reversedAt: Date = new Date();
}

/** The store's cash-desk settings; a store without a row uses the defaults. */
@Entity({ tableName: 'settlement_settings' })
@ObjectType({ description: 'The store’s cash-desk settings (R-DEL-3, R-SEG-5).' })
export class SettlementSettings {
  [OptionalProps]?: 'discountLimitFen' | 'pointsPerYuan' | 'pointsEarnedPerYuan' | 'version';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true, unique: true })
  store!: Ref<Store>;

  @Field(() => Int, { description: 'A discount above this many fen needs a manager (default 10 000 = 100 元).' })
  @Property({ type: 'integer', default: SETTLEMENT_DEFAULTS.discountLimitFen })
  discountLimitFen: number = SETTLEMENT_DEFAULTS.discountLimitFen;

  @Field(() => Int, { description: 'R-SEG-5: points worth 1 元 when redeemed (default 100).' })
  @Property({ type: 'integer', default: SETTLEMENT_DEFAULTS.pointsPerYuan })
  pointsPerYuan: number = SETTLEMENT_DEFAULTS.pointsPerYuan;

  @Field(() => Int, { description: 'R-SEG-5: consumption points earned per whole 元 the customer pays (default 1).' })
  @Property({ type: 'integer', default: SETTLEMENT_DEFAULTS.pointsEarnedPerYuan })
  pointsEarnedPerYuan: number = SETTLEMENT_DEFAULTS.pointsEarnedPerYuan;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}

/** R-SEG-5: a customer's points account; the balance is never negative (checked here and by the database). */
@Entity({ tableName: 'points_account' })
@Check({ name: 'points_account_balance_check', expression: 'balance >= 0' })
export class PointsAccount {
  [OptionalProps]?: 'balance' | 'version';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @OneToOne(() => Customer, { ref: true, owner: true, unique: true })
  customer!: Ref<Customer>;

  @Property({ type: 'integer', default: 0 })
  balance: number = 0;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}

/** R-SEG-5: one entry of the ledger, with its reason; immutable (trigger). */
@Entity({ tableName: 'points_entry' })
@Index({ properties: ['account', 'id'] })
@ObjectType({ implements: Node, description: 'R-SEG-5: one entry of a customer’s points ledger.' })
export class PointsEntry {
  [OptionalProps]?: 'at' | 'globalId';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => PointsAccount, { ref: true })
  account!: Ref<PointsAccount>;

  @Field(() => Int, { description: 'Points added (positive) or taken (negative).' })
  @Property({ type: 'integer' })
  delta!: number;

  @Field(() => Int, { description: 'The balance after this entry.' })
  @Property({ type: 'integer' })
  balanceAfter!: number;

  @Field(() => String, { description: 'Why: earned or redeemed at a settlement (with its number), its reversal, or a manager’s adjustment (behaviour points: check-in, sharing).' })
  @Property({ type: 'string', length: 200 })
  reason!: string;

  /** The settlement it belongs to, if any. */
  @ManyToOne(() => Settlement, { ref: true, nullable: true })
  settlement?: Ref<Settlement> | null;

  @Field(() => BehaviourPointsReason, { nullable: true, description: 'R-SEG-5: for behaviour points (awardPoints), why they were given; null for consumption points, redemptions and adjustments.' })
  @Enum({ items: () => BehaviourPointsReason, nullable: true })
  behaviour?: BehaviourPointsReason | null;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  recordedBy?: Ref<Staff> | null;

  @Field(() => Date, { description: 'When it was recorded.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = new Date();

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('PointsEntry', this.id);
  }
}
