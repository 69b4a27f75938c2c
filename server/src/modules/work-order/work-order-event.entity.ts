import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique, OptionalProps } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { HoldReason, WorkOrderEventKind, WorkOrderStatus } from './work-order.enums.js';
import type { WorkOrder } from './work-order.entity.js';

/**
 * R-WO-2: the append-only timeline of a work order and the source of the board stream.
 * `seq` is per store and gap-free; it is the board cursor. Nothing updates or deletes these rows.
 */
@Entity({ tableName: 'work_order_event' })
@Unique({ properties: ['store', 'seq'] })
@ObjectType({ description: 'One entry of a work order\'s timeline (R-WO-2). Never edited.' })
export class WorkOrderEvent {
  [OptionalProps]?: 'at';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @Property({ type: 'integer' })
  seq!: number;

  @ManyToOne({ entity: () => 'WorkOrder', ref: true })
  @Index()
  workOrder!: Ref<WorkOrder>;

  @Field(() => WorkOrderEventKind)
  @Enum({ items: () => WorkOrderEventKind })
  kind!: WorkOrderEventKind;

  @Field(() => WorkOrderStatus, { name: 'from', nullable: true })
  @Enum({ items: () => WorkOrderStatus, nullable: true })
  fromStatus?: WorkOrderStatus | null;

  @Field(() => WorkOrderStatus, { name: 'to' })
  @Enum({ items: () => WorkOrderStatus })
  toStatus!: WorkOrderStatus;

  @Field(() => HoldReason, { nullable: true })
  @Enum({ items: () => HoldReason, nullable: true })
  holdReason?: HoldReason | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  reason?: string | null;

  /** Null for events written by the system (e.g. demo seeding). */
  @ManyToOne(() => Staff, { ref: true, nullable: true })
  actor?: Ref<Staff> | null;

  /** Work-order version after this event. */
  @Field(() => Int, { description: 'Work-order version after this event.' })
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'json', nullable: true })
  data?: Record<string, unknown> | null;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = new Date();
}
