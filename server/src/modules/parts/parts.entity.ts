import { Check, Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property, type Ref, OptionalProps, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { AdvisorTask, Appointment } from '../appointment/appointment.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { PartSource } from '../estimate/estimate.enums.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { Job } from '../work-order/job.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { PurchaseRequestOrigin, PurchaseRequestStatus, StockMovementKind } from './parts.enums.js';

/** 配件: one part of the store's catalog (part number unique per store). Its stock is PartStock. */
@Entity({ tableName: 'part' })
@Unique({ properties: ['store', 'partNumber'] })
@ObjectType({ implements: Node, description: 'A part of the store’s catalog (配件): number, name, source, price and the models it fits, with its stock (R-WO-5).' })
export class Part {
  [OptionalProps]?: 'globalId' | 'version' | 'createdAt' | 'updatedAt' | 'fitsModels';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @Field(() => String, { description: 'The part number (配件号), unique in the store, upper case.' })
  @Property({ type: 'string', length: 40 })
  partNumber!: string;

  @Field(() => String, { description: 'What it is (e.g. 正时链条张紧器).' })
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => PartSource, { description: 'Original (OEM) or aftermarket.' })
  @Enum({ items: () => PartSource })
  source!: PartSource;

  @Field(() => Int, { description: 'Price of one unit, in fen.' })
  @Property({ type: 'integer' })
  unitPriceFen!: number;

  @Field(() => [String], { description: 'The vehicle models it fits, as written on the vehicle (Vehicle.model); empty: a universal part that fits every model.' })
  @Property({ type: 'json' })
  fitsModels: string[] = [];

  @Field(() => Int, { description: 'Optimistic-locking version of the catalog entry.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => Date, { description: 'When it was added to the catalog.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date = new Date();

  @OneToOne(() => PartStock, (s) => s.part)
  stockRow?: PartStock | null;

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('Part', this.id);
  }
}

/**
 * The stock of a part in its store (aggregate `PartStock` in the log). On hand and reserved change only
 * through PartsService.move (one movement row each); the database refuses negative values.
 */
@Entity({ tableName: 'part_stock' })
@Check({ name: 'part_stock_levels_check', expression: '(on_hand >= 0) AND (reserved >= 0) AND (reserved <= on_hand)' })
@ObjectType({ description: 'Stock of a part in the store (R-WO-5): on hand, reserved, available, and when to reorder.' })
export class PartStock {
  [OptionalProps]?: 'onHand' | 'reserved' | 'reorderPoint' | 'reorderQuantity' | 'version' | 'updatedAt' | 'available';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @OneToOne(() => Part, (p) => p.stockRow, { owner: true, ref: true, unique: true })
  part!: Ref<Part>;

  @Field(() => Int, { description: 'Units in the store.' })
  @Property({ type: 'integer', default: 0 })
  onHand: number = 0;

  @Field(() => Int, { description: 'Units held for appointments (R-APT-5).' })
  @Property({ type: 'integer', default: 0 })
  reserved: number = 0;

  @Field(() => Int, { description: 'At or below this many available units a purchase request is raised by itself (once while it is open).' })
  @Property({ type: 'integer', default: 0 })
  reorderPoint: number = 0;

  @Field(() => Int, { description: 'How many units that purchase request asks for; 0: never reorder by itself.' })
  @Property({ type: 'integer', default: 0 })
  reorderQuantity: number = 0;

  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'On hand minus reserved: what can be issued or reserved now.' })
  get available(): number {
    return this.onHand - this.reserved;
  }
}

/** R-WO-5: one stock movement, with its actor and reference. Append-only (the database refuses updates and deletes). */
@Entity({ tableName: 'stock_movement' })
@Index({ properties: ['part', 'id'] })
@ObjectType({ implements: Node, description: 'One stock movement (R-WO-5): what, how many, the balances after, who and why. Never changed.' })
export class StockMovement {
  [OptionalProps]?: 'globalId';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => Part, { ref: true })
  part!: Ref<Part>;

  @Field(() => StockMovementKind, { description: 'What moved the stock.' })
  @Enum({ items: () => StockMovementKind })
  kind!: StockMovementKind;

  @Field(() => Int, { description: 'Units moved (always positive; the kind says which way).' })
  @Property({ type: 'integer' })
  quantity!: number;

  @Field(() => Int, { description: 'Change of on hand.' })
  @Property({ type: 'integer' })
  onHandDelta!: number;

  @Field(() => Int, { description: 'Change of reserved.' })
  @Property({ type: 'integer' })
  reservedDelta!: number;

  @Field(() => Int, { description: 'On hand after the movement.' })
  @Property({ type: 'integer' })
  onHandAfter!: number;

  @Field(() => Int, { description: 'Reserved after the movement.' })
  @Property({ type: 'integer' })
  reservedAfter!: number;

  @Field(() => String, { nullable: true, description: 'Why (adjustments, returns) or the delivery note.' })
  @Property({ type: 'string', length: 500, nullable: true })
  reason?: string | null;

  /** Actor kind as the log records it (staff, system…). */
  @Field(() => String, { description: 'Who moved it: staff or system.' })
  @Property({ type: 'string', length: 20 })
  actorKind!: string;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  actor?: Ref<Staff> | null;

  @ManyToOne(() => Appointment, { ref: true, nullable: true })
  appointment?: Ref<Appointment> | null;

  @ManyToOne(() => WorkOrder, { ref: true, nullable: true })
  workOrder?: Ref<WorkOrder> | null;

  @Property({ type: 'integer', nullable: true })
  partIssueId?: number | null;

  @Property({ type: 'integer', nullable: true })
  purchaseRequestId?: number | null;

  @Field(() => Date, { description: 'When.' })
  @Property({ type: 'datetime' })
  at!: Date;

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('StockMovement', this.id);
  }
}

/** R-APT-5: parts held for an appointment (one row per part); `reserved` goes down as they are issued or released. */
@Entity({ tableName: 'part_reservation' })
@Unique({ properties: ['appointment', 'part'] })
export class PartReservation {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => Appointment, { ref: true })
  appointment!: Ref<Appointment>;

  @ManyToOne(() => Part, { ref: true })
  part!: Ref<Part>;

  /** Units booked. */
  @Property({ type: 'integer' })
  quantity!: number;

  /** Units still held in stock for the appointment. */
  @Property({ type: 'integer' })
  reserved!: number;
}

/** R-WO-5: parts issued to a job of a work order (the part number recorded per job). */
@Entity({ tableName: 'part_issue' })
@Index({ properties: ['workOrder'] })
@Index({ properties: ['job'] })
@ObjectType({ implements: Node, description: 'Parts issued to a job of a work order (R-WO-5).' })
export class PartIssue {
  [OptionalProps]?: 'globalId' | 'returnedQuantity';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => WorkOrder, { ref: true })
  workOrder!: Ref<WorkOrder>;

  @ManyToOne(() => Job, { ref: true })
  job!: Ref<Job>;

  @ManyToOne(() => Part, { ref: true })
  part!: Ref<Part>;

  @Field(() => Int, { description: 'Units issued.' })
  @Property({ type: 'integer' })
  quantity!: number;

  @Field(() => Int, { description: 'Units returned to stock since (returnParts).' })
  @Property({ type: 'integer', default: 0 })
  returnedQuantity: number = 0;

  @Field(() => Int, { description: 'The catalog price of one unit when issued, in fen.' })
  @Property({ type: 'integer' })
  unitPriceFen!: number;

  @Field(() => Date, { description: 'When it was issued.' })
  @Property({ type: 'datetime' })
  issuedAt!: Date;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  issuedBy?: Ref<Staff> | null;

  @Field(() => String, { nullable: true, description: 'R-WO-5: the foreman’s reason for issuing a part that does not fit the vehicle’s model; null when it fits.' })
  @Property({ type: 'string', length: 500, nullable: true })
  fitOverrideReason?: string | null;

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('PartIssue', this.id);
  }
}

/** A purchase request to the parts department (aggregate `PurchaseRequest`; transitions in parts.process.ts). */
@Entity({ tableName: 'purchase_request' })
@Index({ properties: ['store', 'status'] })
@Index({ properties: ['part', 'status'] })
@Index({ properties: ['job', 'status'] })
@ObjectType({ implements: Node, description: 'A purchase request to the parts department (采购申请): OPEN → ORDERED → RECEIVED, or CANCELLED.' })
export class PurchaseRequest {
  [OptionalProps]?: 'globalId' | 'status' | 'version' | 'createdAt' | 'updatedAt' | 'receivedQuantity' | 'params';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => Part, { ref: true })
  part!: Ref<Part>;

  @Field(() => PurchaseRequestStatus, { description: 'Where it stands.' })
  @Enum({ items: () => PurchaseRequestStatus })
  status: PurchaseRequestStatus = PurchaseRequestStatus.OPEN;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => Int, { description: 'Units asked for.' })
  @Property({ type: 'integer' })
  quantity!: number;

  @Field(() => Int, { description: 'Units received against it so far; it is RECEIVED once this reaches quantity.' })
  @Property({ type: 'integer', default: 0 })
  receivedQuantity: number = 0;

  @Field(() => PurchaseRequestOrigin, { description: 'Why it was raised.' })
  @Enum({ items: () => PurchaseRequestOrigin })
  origin!: PurchaseRequestOrigin;

  /** MANUAL: the text given; other origins: null (the reason is written from `params` in the reader's language). */
  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;

  @Property({ type: 'json' })
  params: Record<string, string | number> = {};

  @ManyToOne(() => Appointment, { ref: true, nullable: true })
  appointment?: Ref<Appointment> | null;

  @ManyToOne(() => Customer, { ref: true, nullable: true })
  customer?: Ref<Customer> | null;

  @ManyToOne(() => Vehicle, { ref: true, nullable: true })
  vehicle?: Ref<Vehicle> | null;

  /** R-WO-5: the work order and job the parts are for (origin JOB_SHORTAGE, requestParts); the job waits for parts while the request is open. */
  @ManyToOne(() => WorkOrder, { ref: true, nullable: true })
  workOrder?: Ref<WorkOrder> | null;

  @ManyToOne(() => Job, { ref: true, nullable: true })
  job?: Ref<Job> | null;

  /** R-APT-5: the advisor's task to call the customer when the parts arrive. */
  @ManyToOne(() => AdvisorTask, { ref: true, nullable: true })
  followUpTask?: Ref<AdvisorTask> | null;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  createdBy?: Ref<Staff> | null;

  @Field(() => Date, { description: 'When it was raised.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'Last change.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was ordered.' })
  @Property({ type: 'datetime', nullable: true })
  orderedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the last units arrived.' })
  @Property({ type: 'datetime', nullable: true })
  receivedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  @Property({ type: 'string', length: 500, nullable: true })
  cancelReason?: string | null;

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('PurchaseRequest', this.id);
  }
}
