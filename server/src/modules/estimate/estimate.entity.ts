import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, type Ref, OptionalProps } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Skill } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { Upload } from '../upload/upload.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { ApprovalMethod, EstimateLineKind, EstimatePayer, EstimateStatus, LineDecision, PartSource } from './estimate.enums.js';

/**
 * 报价单 (R-EST-2..6). Changes only through EstimateService and the transitions table
 * (estimate.process.ts); every change is an event of aggregate `Estimate` in the log.
 */
@Entity({ tableName: 'estimate' })
@Index({ properties: ['workOrder', 'status'] })
@ObjectType({ implements: Node, description: 'An estimate (报价单) for a work order: itemised lines with derived totals, and the customer’s approval (R-EST-2..6).' })
export class Estimate {
  [OptionalProps]?: 'globalId' | 'status' | 'version' | 'createdAt' | 'updatedAt' | 'supplemental' | 'taxBasisPoints';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => WorkOrder, { ref: true })
  workOrder!: Ref<WorkOrder>;

  @Field(() => EstimateStatus, { description: 'Where the estimate stands.' })
  @Enum({ items: () => EstimateStatus })
  status: EstimateStatus = EstimateStatus.DRAFT;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => Boolean, { description: 'R-EST-6: supplemental work found during the job (追加项目), approved separately.' })
  @Property({ type: 'boolean', default: false })
  supplemental: boolean = false;

  @Field(() => String, { nullable: true, description: 'Why supplemental work is needed (supplemental estimates).' })
  @Property({ type: 'string', length: 500, nullable: true })
  reason?: string | null;

  /** The store's tax rate when the estimate was last saved (basis points; 0 = prices include tax). */
  @Field(() => Int, { description: 'Tax rate applied, in basis points (1300 = 13 %); 0 means prices include tax. Taken from the store’s estimate settings when saved.' })
  @Property({ type: 'integer', default: 0 })
  taxBasisPoints: number = 0;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  createdBy?: Ref<Staff> | null;

  @Field(() => Date, { description: 'When it was first saved.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'Last change.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was sent to the customer.' })
  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  @OneToMany(() => EstimateLine, (l) => l.estimate, { orderBy: { position: 'asc' } })
  lines = new Collection<EstimateLine>(this);

  @OneToMany(() => EstimateApproval, (a) => a.estimate, { orderBy: { id: 'asc' } })
  approvals = new Collection<EstimateApproval>(this);

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('Estimate', this.id);
  }
}

/** The warranty clerk's decision on a WARRANTY line (R-EST-5). */
@ObjectType({ description: 'The warranty clerk’s decision on a line (R-EST-5).' })
export class WarrantyDecision {
  @Field(() => Boolean, { description: 'True: the line is covered and billed to the manufacturer; false: not covered, billed to the customer.' })
  confirmed!: boolean;

  @Field(() => String, { nullable: true, description: 'The manufacturer’s claim number (索赔单号).' })
  claimNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'The clerk’s note.' })
  note?: string | null;

  @Field(() => Date, { description: 'When it was decided.' })
  decidedAt!: Date;

  @Field(() => Staff, { nullable: true, description: 'The warranty clerk who decided.' })
  confirmedBy?: Staff | Promise<Staff> | null;
}

/** One itemised line (R-EST-2). Amounts are derived by estimate.rules.ts when saved. */
@Entity({ tableName: 'estimate_line' })
@ObjectType({ implements: Node, description: 'One line of an estimate (R-EST-2): a part, labour or a fee; its amount is derived by the server.' })
export class EstimateLine {
  [OptionalProps]?: 'globalId' | 'decision' | 'deferrable' | 'quantity' | 'standardHours';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Estimate, { ref: true, index: true })
  estimate!: Ref<Estimate>;

  @Property({ type: 'integer' })
  position!: number;

  @Field(() => EstimateLineKind, { description: 'Part, labour or fee.' })
  @Enum({ items: () => EstimateLineKind })
  kind!: EstimateLineKind;

  @Field(() => String, { description: 'What it is, as the customer reads it.' })
  @Property({ type: 'string', length: 200 })
  description!: string;

  @Field(() => String, { nullable: true, description: 'PART: the part number.' })
  @Property({ type: 'string', length: 40, nullable: true })
  partNumber?: string | null;

  @Field(() => PartSource, { nullable: true, description: 'PART: OEM or aftermarket.' })
  @Enum({ items: () => PartSource, nullable: true })
  partSource?: PartSource | null;

  /** PART: quantity in thousandths. */
  @Property({ type: 'integer', nullable: true })
  quantityMilli?: number | null;

  @Field(() => Int, { nullable: true, description: 'PART: price of one unit, in fen.' })
  @Property({ type: 'integer', nullable: true })
  unitPriceFen?: number | null;

  @Field(() => Skill, { nullable: true, description: 'LABOUR: the trade it needs.' })
  @Enum({ items: () => Skill, nullable: true })
  skill?: Skill | null;

  /** LABOUR: standard hours in hundredths. */
  @Property({ type: 'integer', nullable: true })
  hoursCenti?: number | null;

  @Field(() => Int, { nullable: true, description: 'LABOUR: hourly rate, in fen.' })
  @Property({ type: 'integer', nullable: true })
  hourlyRateFen?: number | null;

  @Field(() => Int, { description: 'The line’s amount in fen, derived: quantity × unit price, standard hours × rate (rounded half up to the fen), or the fee.' })
  @Property({ type: 'integer' })
  amountFen!: number;

  @Field(() => EstimatePayer, { description: 'Who the line is billed to.' })
  @Enum({ items: () => EstimatePayer })
  payer!: EstimatePayer;

  @Field(() => String, { nullable: true, description: 'R-EST-3: lines sharing a group are alternatives; at most one of them may be approved, the first one counts in the proposed totals.' })
  @Property({ type: 'string', length: 40, nullable: true })
  alternativeGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'R-EST-3: what the customer gives up with this alternative (e.g. 质保 6 个月).' })
  @Property({ type: 'string', length: 200, nullable: true })
  tradeOff?: string | null;

  @Field(() => Boolean, { description: 'R-EST-3: the customer may defer this line to a later visit.' })
  @Property({ type: 'boolean', default: false })
  deferrable: boolean = false;

  @Field(() => String, { nullable: true, description: 'R-EST-3: the risk of deferring it, as told to the customer.' })
  @Property({ type: 'string', length: 200, nullable: true })
  risk?: string | null;

  @Field(() => LineDecision, { description: 'The customer’s decision.' })
  @Enum({ items: () => LineDecision, default: LineDecision.PENDING })
  decision: LineDecision = LineDecision.PENDING;

  /** R-EST-5: the payer asked for when the clerk found the line not covered (WARRANTY), else null. */
  @Enum({ items: () => EstimatePayer, nullable: true })
  requestedPayer?: EstimatePayer | null;

  /** R-EST-5: null until the warranty clerk decided; true covered, false not covered. */
  @Property({ type: 'boolean', nullable: true })
  warrantyConfirmed?: boolean | null;

  @Property({ type: 'string', length: 60, nullable: true })
  warrantyClaimNumber?: string | null;

  @Property({ type: 'string', length: 500, nullable: true })
  warrantyNote?: string | null;

  @Property({ type: 'datetime', nullable: true })
  warrantyDecidedAt?: Date | null;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  warrantyDecidedBy?: Ref<Staff> | null;

  /** R-EST-6: the job created on the work order for this supplemental LABOUR line. */
  @Property({ type: 'integer', nullable: true })
  jobId?: number | null;

  /** R-WO-5: the catalog part (parts module) the line was priced from; null for a part typed by hand. */
  @Property({ type: 'integer', nullable: true })
  catalogPartId?: number | null;

  @Field(() => Float, { nullable: true, description: 'PART: quantity (up to 3 decimals).' })
  get quantity(): number | null {
    return this.quantityMilli == null ? null : this.quantityMilli / 1000;
  }

  @Field(() => Float, { nullable: true, description: 'LABOUR: standard (flat-rate) hours (up to 2 decimals).' })
  get standardHours(): number | null {
    return this.hoursCenti == null ? null : this.hoursCenti / 100;
  }

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('EstimateLine', this.id);
  }
}

/**
 * R-EST-4: the customer's approval — who, when, how, the exact lines and the total. Immutable: no
 * code path updates it and the database refuses updates and deletes (trigger).
 */
@Entity({ tableName: 'estimate_approval' })
@ObjectType({ implements: Node, description: 'The customer’s approval of an estimate (R-EST-4): who, when, how, the exact lines and total approved. Never changed.' })
export class EstimateApproval {
  [OptionalProps]?: 'globalId';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => Estimate, { ref: true, index: true })
  estimate!: Ref<Estimate>;

  @Field(() => Int, { description: 'The estimate version that was approved.' })
  @Property({ type: 'integer' })
  estimateVersion!: number;

  @Field(() => ApprovalMethod, { description: 'How the customer approved.' })
  @Enum({ items: () => ApprovalMethod })
  method!: ApprovalMethod;

  @Field(() => Date, { description: 'When.' })
  @Property({ type: 'datetime' })
  approvedAt!: Date;

  @Field(() => String, { description: 'The name of the person who approved (the customer or their representative).' })
  @Property({ type: 'string', length: 60 })
  approverName!: string;

  /** The staff member who recorded it (on site, phone); null for the customer's link. */
  @ManyToOne(() => Staff, { ref: true, nullable: true })
  approvedBy?: Ref<Staff> | null;

  /** ON_SITE_SIGNATURE: the upload holding the signature. */
  @ManyToOne(() => Upload, { ref: true, nullable: true, fieldName: 'signature_upload_id' })
  signature?: Ref<Upload> | null;

  @Field(() => String, { nullable: true, description: 'PHONE: the advisor’s note (time, recording number).' })
  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;

  @Property({ type: 'json' })
  approvedLineIds: number[] = [];

  @Property({ type: 'json' })
  deferredLineIds: number[] = [];

  @Property({ type: 'json' })
  declinedLineIds: number[] = [];

  @Field(() => Int, { description: 'The total approved, in fen (approved lines with tax).' })
  @Property({ type: 'integer' })
  totalFen!: number;

  @Field(() => Int, { description: 'Of which billed to the customer, in fen.' })
  @Property({ type: 'integer' })
  customerFen!: number;

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('EstimateApproval', this.id);
  }
}

/** The store's estimate settings; a store without a row uses the defaults. */
@Entity({ tableName: 'estimate_settings' })
@ObjectType({ description: 'The store’s estimate settings.' })
export class EstimateSettings {
  [OptionalProps]?: 'taxBasisPoints' | 'version';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true, unique: true })
  store!: Ref<Store>;

  @Field(() => Int, { description: 'Tax added to net prices, in basis points (1300 = 13 % VAT). Default 0: prices are quoted including tax, as Chinese retail prices are.' })
  @Property({ type: 'integer', default: 0 })
  taxBasisPoints: number = 0;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}
