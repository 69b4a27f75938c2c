import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref, OptionalProps } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Skill } from '../staff/roles.js';
import { JobPayer, JobStatus } from './work-order.enums.js';
import type { WorkOrder } from './work-order.entity.js';

/** 作业项目: one line of work on a work order. */
@Entity({ tableName: 'job' })
@ObjectType({ implements: Node, description: 'A job (作业项目) on a work order.' })
export class Job {
  [OptionalProps]?: 'globalId' | 'standardHours' | 'status' | 'payer' | 'clockedSeconds' | 'openClockings' | 'openSinceMinutes' | 'waitingPartsRequests' | 'waitingForParts';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne({ entity: () => 'WorkOrder', ref: true, index: true })
  workOrder!: Ref<WorkOrder>;

  @Property({ type: 'integer' })
  position!: number;

  @Field(() => String, { description: 'What is to be done (e.g. 更换机油机滤).' })
  @Property({ type: 'string', length: 120 })
  title!: string;

  @Field(() => Skill, { description: 'The trade it needs; the assigned technicians must cover it (R-WO-3).' })
  @Enum({ items: () => Skill })
  skill!: Skill;

  /** Standard (flat-rate) time in minutes; exposed as hours. */
  @Property({ type: 'integer' })
  standardMinutes!: number;

  @Field(() => JobStatus, { description: 'Progress of this job.' })
  @Enum({ items: () => JobStatus, default: JobStatus.PENDING })
  status: JobStatus = JobStatus.PENDING;

  @Field(() => JobPayer, { description: 'Who pays for it.' })
  @Enum({ items: () => JobPayer, default: JobPayer.CUSTOMER })
  payer: JobPayer = JobPayer.CUSTOMER;

  /** R-WO-4: the time of every closed clocking of this job, summed (kept by the job-clock module). */
  @Property({ type: 'integer', default: 0 })
  clockedSeconds: number = 0;

  /** R-WO-4: technicians clocked on this job now (kept by the job-clock module). */
  @Property({ type: 'integer', default: 0 })
  openClockings: number = 0;

  /** R-WO-4: the start times of the open clockings, in minutes since the epoch, summed: their running time at t is openClockings × t − this. */
  @Property({ type: 'integer', default: 0 })
  openSinceMinutes: number = 0;

  /** R-WO-5: purchase requests raised for this job that are still open (kept by the parts module); the card shows WAITING_PARTS while above 0. */
  @Property({ type: 'integer', default: 0 })
  waitingPartsRequests: number = 0;

  @Field(() => Boolean, { description: 'R-WO-5: the job waits for parts: a purchase request raised for it (requestParts) is still open.' })
  get waitingForParts(): boolean {
    return this.waitingPartsRequests > 0;
  }

  @Field(() => Float)
  get standardHours(): number {
    return this.standardMinutes / 60;
  }

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Job', this.id);
  }
}
