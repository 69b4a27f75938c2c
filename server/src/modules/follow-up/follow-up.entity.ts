import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, type Ref, Unique, OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Complaint } from '../complaint/complaint.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { ContactChannel } from '../customer/customer-archive.enums.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { CallOutcome, FollowUpKind, FollowUpStatus, SurveyVia } from './follow-up.enums.js';

/** A call customer service owes a customer (R-FU-1/4): created from the event log, worked from the task list. */
@Entity({ tableName: 'follow_up_task' })
@Unique({ properties: ['workOrder', 'kind', 'sequence'] })
@Unique({ properties: ['complaint', 'sequence'] })
@Index({ properties: ['store', 'status', 'dueAt'] })
@ObjectType('Task', { implements: Node, description: 'A follow-up call owed to a customer (回访, R-FU-1/4).' })
export class FollowUpTask {
  [OptionalProps]?: 'globalId' | 'status' | 'version' | 'createdAt' | 'attemptCount' | 'sequence';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @Field(() => FollowUpKind, { description: 'What it is for.' })
  @Enum({ items: () => FollowUpKind })
  kind!: FollowUpKind;

  /** Stored status: OPEN, DONE, UNREACHED or CANCELLED (OVERDUE is derived when read). */
  @Enum({ items: () => FollowUpStatus })
  status: FollowUpStatus = FollowUpStatus.OPEN;

  /** Which of several tasks of one kind for one visit (the two tracking calls: 1 and 2). */
  @Property({ type: 'integer', default: 1 })
  sequence: number = 1;

  @Field(() => Int, { description: 'Optimistic-locking version.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => Date, { description: 'When the call is due (moved on after a failed attempt).' })
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Field(() => String, { description: 'What to talk about (from the work done).' })
  @Property({ type: 'string', length: 300 })
  topic!: string;

  @Field(() => ContactChannel, { description: 'The customer’s preferred channel (PHONE when not known).' })
  @Enum({ items: () => ContactChannel })
  channel!: ContactChannel;

  @ManyToOne(() => Customer, { ref: true, index: true })
  customer!: Ref<Customer>;

  @ManyToOne(() => WorkOrder, { ref: true, nullable: true })
  workOrder?: Ref<WorkOrder> | null;

  /** R-FU-3: the resolved complaint a COMPLAINT_RECALL confirms (its work order is the complaint's, not repeated here). */
  @ManyToOne(() => Complaint, { ref: true, nullable: true })
  complaint?: Ref<Complaint> | null;

  /** Staff the task is assigned to; null: customer service's common list. */
  @ManyToOne(() => Staff, { ref: true, nullable: true })
  assignee?: Ref<Staff> | null;

  @Property({ type: 'integer', default: 0 })
  attemptCount: number = 0;

  @OneToMany(() => FollowUpAttempt, (a) => a.task, { orderBy: { id: 'asc' } })
  attempts = new Collection<FollowUpAttempt>(this);

  @Field(() => Date, { description: 'When it was created.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('Task', this.id);
  }
}

/** One try to reach the customer: when, how, the outcome, who (R-FU-1: every attempt is logged). */
@Entity({ tableName: 'follow_up_attempt' })
@ObjectType({ description: 'One attempt to reach the customer.' })
export class FollowUpAttempt {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => FollowUpTask, { ref: true, index: true })
  task!: Ref<FollowUpTask>;

  @Field(() => Date, { description: 'When.' })
  @Property({ type: 'datetime' })
  at!: Date;

  @Field(() => CallOutcome, { description: 'How it went.' })
  @Enum({ items: () => CallOutcome })
  outcome!: CallOutcome;

  @Field(() => ContactChannel, { description: 'How the customer was contacted.' })
  @Enum({ items: () => ContactChannel })
  channel!: ContactChannel;

  @Field(() => String, { nullable: true, description: 'What was said.' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @ManyToOne(() => Staff, { ref: true })
  by!: Ref<Staff>;
}

/** R-FU-2: the customer's rating of a visit. */
@Entity({ tableName: 'survey' })
@ObjectType({ implements: Node, description: 'A customer survey of one visit (R-FU-2).' })
export class Survey {
  [OptionalProps]?: 'globalId' | 'createdAt' | 'via' | 'version';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => WorkOrder, { ref: true, unique: true })
  workOrder!: Ref<WorkOrder>;

  @Field(() => Int, { description: 'Service attitude, 1–5.' })
  @Property({ type: 'smallint' })
  attitude!: number;

  @Field(() => Int, { description: 'Work quality, 1–5.' })
  @Property({ type: 'smallint' })
  quality!: number;

  @Field(() => Int, { description: 'Price transparency, 1–5.' })
  @Property({ type: 'smallint' })
  priceTransparency!: number;

  @Field(() => String, { nullable: true, description: 'Suggestions, in the customer’s words.' })
  @Property({ type: 'text', nullable: true })
  suggestions?: string | null;

  @Field(() => SurveyVia, { description: 'Answered on the callback or by the customer on the progress page.' })
  @Enum({ items: () => SurveyVia, default: SurveyVia.PHONE_CALL })
  via: SurveyVia = SurveyVia.PHONE_CALL;

  /** Surveys are never edited; the version is the event log's. */
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => Date, { description: 'When it was answered.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('Survey', this.id);
  }
}
