import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { Job } from '../work-order/job.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';

/**
 * R-WO-4 (施工记录): one technician's time on one job, from clocking on to clocking off. A technician
 * has at most one open clocking (no `end`) at a time: the store lock serialises clockJob and a partial
 * unique index (migration) is the net under it.
 */
@Entity({ tableName: 'job_clocking' })
@Index({ properties: ['technician', 'start'] })
@Unique({ name: 'job_clocking_one_open_per_technician', expression: 'create unique index "job_clocking_one_open_per_technician" on "job_clocking" ("technician_id") where "end" is null' })
@ObjectType({ description: 'One technician’s time on a job (施工记录, R-WO-4): clocked on at start, off at end.' })
export class JobClocking {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => WorkOrder, { ref: true, index: true })
  workOrder!: Ref<WorkOrder>;

  @ManyToOne(() => Job, { ref: true, index: true, deleteRule: 'cascade' })
  job!: Ref<Job>;

  @ManyToOne(() => Staff, { ref: true })
  technician!: Ref<Staff>;

  @Field(() => Date, { description: 'When the technician clocked on.' })
  @Property({ type: 'datetime' })
  start!: Date;

  @Field(() => Date, { nullable: true, description: 'When the technician clocked off; null while still on the job.' })
  @Property({ type: 'datetime', nullable: true })
  end?: Date | null;
}

/** R-WO-6: a progress note on a work order (appended, never edited). */
@Entity({ tableName: 'progress_note' })
@ObjectType({ description: 'A progress note on a work order (R-WO-6): what was done, how far along, who, when.' })
export class ProgressNote {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => WorkOrder, { ref: true, index: true })
  workOrder!: Ref<WorkOrder>;

  @Field(() => String, { description: 'What was done or found.' })
  @Property({ type: 'string', length: 500 })
  note!: string;

  @Field(() => Int, { description: 'How far along the work is, 0–100.' })
  @Property({ type: 'integer' })
  percent!: number;

  @Field(() => Date, { description: 'When it was reported.' })
  @Property({ type: 'datetime' })
  at!: Date;

  @ManyToOne(() => Staff, { ref: true })
  by!: Ref<Staff>;
}
