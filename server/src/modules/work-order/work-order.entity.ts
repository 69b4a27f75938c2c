import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property, type Ref, Unique, OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { Bay } from '../store/bay.entity.js';
import { Store } from '../store/store.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { Job } from './job.entity.js';
import { HoldReason, QualityLevel, WorkOrderSource, WorkOrderStatus } from './work-order.enums.js';

/** 维修委托书. Status changes only through WorkOrderService + the transitions table (work-order.process.ts). */
@Entity({ tableName: 'work_order' })
@Unique({ properties: ['store', 'number'] })
@Index({ properties: ['store', 'status'] })
@ObjectType({ implements: Node, description: 'A work order (维修委托书).' })
export class WorkOrder {
  [OptionalProps]?: 'globalId' | 'status' | 'version' | 'source' | 'customerWaiting' | 'washRequested' | 'reworkCount' | 'createdAt' | 'updatedAt' | 'statusSince';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @Field(() => String, { description: 'Human-readable number, unique per store, e.g. WO20261122-0007.' })
  @Property({ type: 'string', length: 20 })
  number!: string;

  @Field(() => WorkOrderStatus)
  @Enum({ items: () => WorkOrderStatus })
  status: WorkOrderStatus = WorkOrderStatus.DRAFT;

  @Field(() => HoldReason, { nullable: true })
  @Enum({ items: () => HoldReason, nullable: true })
  holdReason?: HoldReason | null;

  /** Status the order was in when it was put on hold. */
  @Enum({ items: () => WorkOrderStatus, nullable: true })
  heldFrom?: WorkOrderStatus | null;

  @Field(() => Int, { description: 'Optimistic-locking version (R-WO-8); pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @ManyToOne(() => Vehicle, { ref: true, index: true })
  vehicle!: Ref<Vehicle>;

  @ManyToOne(() => Customer, { ref: true, index: true })
  customer!: Ref<Customer>;

  @ManyToOne(() => Staff, { ref: true })
  advisor!: Ref<Staff>;

  @ManyToOne(() => Bay, { ref: true, nullable: true })
  bay?: Ref<Bay> | null;

  @ManyToMany({ entity: () => Staff, pivotTable: 'work_order_technician', owner: true })
  technicians = new Collection<Staff>(this);

  @OneToMany(() => Job, (job) => job.workOrder, { orderBy: { position: 'asc' } })
  jobs = new Collection<Job>(this);


  /** R-REC-4: the customer's own words, verbatim (staff only: resolved in WorkOrderResolver). */
  @Property({ type: 'text' })
  complaint!: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  mileageIn?: number | null;

  @Field(() => WorkOrderSource)
  @Enum({ items: () => WorkOrderSource, default: WorkOrderSource.WALK_IN })
  source: WorkOrderSource = WorkOrderSource.WALK_IN;

  @Field(() => Boolean, { description: 'The customer waits on site (lounge).' })
  @Property({ type: 'boolean', default: false })
  customerWaiting: boolean = false;

  @Field(() => Boolean, { description: 'R-DEL-1: wash before delivery.' })
  @Property({ type: 'boolean', default: true })
  washRequested: boolean = true;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  promisedAt?: Date | null;

  /** R-WO-7: the latest delay told to the customer. */
  @Property({ type: 'string', length: 200, nullable: true })
  delayReason?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  delayRemedy?: string | null;

  @Field(() => Int, { description: 'Times the order was sent back from quality check (R-QC-2).' })
  @Property({ type: 'integer', default: 0 })
  reworkCount: number = 0;

  @Field(() => Int, { nullable: true, description: 'R-WO-6: the percentage of the latest progress note (0–100); null before the first.' })
  @Property({ type: 'integer', nullable: true })
  progressPercent?: number | null;

  @Field(() => Date, { nullable: true, description: 'R-WO-6: when progress was last reported (reportProgress); the STALE timer counts from it too.' })
  @Property({ type: 'datetime', nullable: true })
  lastProgressAt?: Date | null;

  /** R-WO-6: the latest note (the card and the customer page show it); every note is a row of the job-clock module. */
  @Property({ type: 'string', length: 500, nullable: true })
  lastProgressNote?: string | null;

  /** R-QC-1: the highest level passed in the current quality-check round (null: none yet, or a new round after rework). */
  @Enum({ items: () => QualityLevel, nullable: true })
  qualityLevel?: QualityLevel | null;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date = new Date();

  @Field(() => Date, { description: 'When the order entered its current status.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  statusSince: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'First time work started; cancelling after it needs a manager.' })
  @Property({ type: 'datetime', nullable: true })
  startedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  deliveredAt?: Date | null;

  /** ≥128-bit CSPRNG token of the customer's progress link; never logged. */
  @Property({ type: 'string', length: 64, unique: true })
  trackingToken!: string;

  @Property({ type: 'datetime', nullable: true })
  trackingExpiresAt?: Date | null;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('WorkOrder', this.id);
  }
}
