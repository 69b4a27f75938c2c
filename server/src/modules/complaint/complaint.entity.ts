import { Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property, type Ref, OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { ComplaintCategory, ComplaintChannel, ComplaintSeverity, ComplaintStatus } from './complaint.enums.js';

/** 投诉 (R-FU-3). Changes only through ComplaintService and the transitions table; its history is the event log. */
@Entity({ tableName: 'complaint' })
@Index({ properties: ['store', 'status'] })
@ObjectType({ implements: Node, description: 'A customer complaint (投诉) and how it is handled (R-FU-3).' })
export class Complaint {
  [OptionalProps]?: 'globalId' | 'status' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @Field(() => ComplaintStatus, { description: 'Where it stands.' })
  @Enum({ items: () => ComplaintStatus })
  status: ComplaintStatus = ComplaintStatus.OPEN;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @ManyToOne(() => Customer, { ref: true, index: true })
  customer!: Ref<Customer>;

  @ManyToOne(() => WorkOrder, { ref: true, nullable: true, index: true })
  workOrder?: Ref<WorkOrder> | null;

  @Field(() => String, { description: 'The customer’s exact words, as said.' })
  @Property({ type: 'text' })
  words!: string;

  @Field(() => ComplaintCategory, { description: 'What it is about.' })
  @Enum({ items: () => ComplaintCategory })
  category!: ComplaintCategory;

  @Field(() => ComplaintSeverity, { description: 'How serious it is.' })
  @Enum({ items: () => ComplaintSeverity })
  severity!: ComplaintSeverity;

  @Field(() => ComplaintChannel, { description: 'How it reached the store.' })
  @Enum({ items: () => ComplaintChannel })
  channel!: ComplaintChannel;

  @ManyToOne(() => Staff, { ref: true })
  owner!: Ref<Staff>;

  @Field(() => Date, { description: 'When it was filed.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the first response is due (the store’s setting, 2 hours by default).' })
  @Property({ type: 'datetime' })
  firstResponseDueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the customer was first answered.' })
  @Property({ type: 'datetime', nullable: true })
  firstRespondedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was escalated to a manager (MAJOR at once; otherwise when the first response was missed).' })
  @Property({ type: 'datetime', nullable: true })
  escalatedAt?: Date | null;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  escalatedTo?: Ref<Staff> | null;

  @Field(() => Date, { nullable: true, description: 'When it was reported to the manager as still unresolved (after 3 days by default).' })
  @Property({ type: 'datetime', nullable: true })
  reportedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'How the store resolved it.' })
  @Property({ type: 'text', nullable: true })
  resolution?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was resolved (the last time).' })
  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'By when customer service calls back to confirm the resolution (2 days after it by default).' })
  @Property({ type: 'datetime', nullable: true })
  recallDueAt?: Date | null;

  @Field(() => Date, { description: 'Last change.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date = new Date();

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('Complaint', this.id);
  }
}

/** R-FU-3 deadlines of a store. */
@Entity({ tableName: 'complaint_settings' })
@ObjectType({ description: 'The complaint deadlines of your store (R-FU-3).' })
export class ComplaintSettings {
  [OptionalProps]?: 'version' | 'responseMinutes' | 'reportAfterDays' | 'recallDays';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @OneToOne(() => Store, { ref: true, owner: true, unique: true })
  store!: Ref<Store>;

  @Field(() => Int, { description: 'Minutes to the first response before it escalates to the service manager (120).' })
  @Property({ type: 'integer', default: 120 })
  responseMinutes: number = 120;

  @Field(() => Int, { description: 'Days after which an unresolved complaint is reported to the manager (3).' })
  @Property({ type: 'integer', default: 3 })
  reportAfterDays: number = 3;

  @Field(() => Int, { description: 'Days after the resolution within which customer service calls back to confirm it (2).' })
  @Property({ type: 'integer', default: 2 })
  recallDays: number = 2;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}
