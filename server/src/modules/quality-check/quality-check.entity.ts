import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { QualityLevel } from '../work-order/work-order.enums.js';
import { QualityResult } from './quality-check.enums.js';

/**
 * One signed level of the quality check (三检, R-QC-1/2). Round n is the order's n-th pass through
 * quality check (its reworkCount + 1 at signing); a level is signed once per round. Never edited.
 */
@Entity({ tableName: 'quality_check' })
@Unique({ properties: ['workOrder', 'round', 'level'] })
@ObjectType({ description: 'One signed level of the quality check (三检, R-QC-1/2).' })
export class QualityCheck {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => WorkOrder, { ref: true, index: true })
  workOrder!: Ref<WorkOrder>;

  @Field(() => Int, { description: 'The round: 1 for the first pass through quality check, one more after each rework (R-QC-2).' })
  @Property({ type: 'integer' })
  round!: number;

  @Field(() => QualityLevel, { description: 'Which level was signed.' })
  @Enum({ items: () => QualityLevel })
  level!: QualityLevel;

  @Field(() => QualityResult, { description: 'Passed or failed.' })
  @Enum({ items: () => QualityResult })
  result!: QualityResult;

  @Field(() => Boolean, { description: 'FINAL only: the car was road-tested.' })
  @Property({ type: 'boolean', default: false })
  roadTest: boolean = false;

  @Field(() => String, { nullable: true, description: 'What the signer checked or noticed.' })
  @Property({ type: 'string', length: 1000, nullable: true })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'FAIL: the cause of the rework (R-QC-2).' })
  @Property({ type: 'string', length: 500, nullable: true })
  cause?: string | null;

  @Field(() => Date, { description: 'When it was signed.' })
  @Property({ type: 'datetime' })
  signedAt!: Date;

  @ManyToOne(() => Staff, { ref: true })
  signedBy!: Ref<Staff>;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  responsible?: Ref<Staff> | null;
}
