import { ArrayType, Entity, Enum, Index, ManyToOne, OneToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Customer } from '../customer/customer.entity.js';
import { ValueClass } from '../customer/customer-type.js';
import { Store } from '../store/store.entity.js';
import { VehicleUsage } from '../vehicle/vehicle.enums.js';
import { ChurnRiskLevel, VehicleAgeClass } from './segmentation.enums.js';
import type { Reason, Thresholds } from './segmentation.rules.js';

/**
 * Defaults from the seeds: D after 6 months without a visit (003: 消费周期超过 6 个月); in warranty for
 * the first 2 years / 60 000 km (003: 保修期内 then 2~5 年; R-CARE-3's last check at 2 years / 60 000 km);
 * old car from 3 years (004: 老客户 购车 3 年以上). The A-class spend and visit counts are the store's
 * business; ¥5 000 and 3 paid visits a year is a maintained car with some repairs at a 4S price.
 */
export const SEGMENTATION_DEFAULTS: Thresholds & { behaviourPointsDailyCap: number; aClassSameDay: boolean } = {
  lookbackMonths: 12,
  aMinSpendFen: 500_000,
  aMinPaidVisits: 3,
  lostAfterMonths: 6,
  longGapDays: 180,
  leftAfterWarrantyDays: 90,
  defaultWarrantyYears: 2,
  defaultWarrantyKm: 60_000,
  frequentVisits: 4,
  faultProneRepairs: 3,
  highMileageKmPerYear: 30_000,
  behaviourPointsDailyCap: 100,
  aClassSameDay: true,
};

/** R-SEG-1..4: a customer's computed segment, rewritten whenever it is recomputed (a projection of the history). */
@Entity({ tableName: 'customer_segment' })
// The churn list pages by customer over the customers at risk only.
@Index({ name: 'customer_segment_churn_index', expression: 'create index "customer_segment_churn_index" on "customer_segment" ("store_id", "customer_id") where "churn_level" is not null' })
export class CustomerSegment {
  [OptionalProps]?: 'tags' | 'reasons' | 'churnReasons';

  @OneToOne(() => Customer, { ref: true, primary: true, owner: true })
  customer!: Ref<Customer>;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @Enum({ items: () => ValueClass })
  valueClass!: ValueClass;

  @Property({ type: 'jsonb' })
  reasons: Reason[] = [];

  @Enum({ items: () => VehicleAgeClass, nullable: true })
  vehicleAgeClass?: VehicleAgeClass | null;

  @Enum({ items: () => VehicleUsage })
  usage!: VehicleUsage;

  @Property({ type: ArrayType, default: '{}' })
  tags: string[] = [];

  @Enum({ items: () => ChurnRiskLevel, nullable: true })
  churnLevel?: ChurnRiskLevel | null;

  @Property({ type: 'jsonb', default: '[]' })
  churnReasons: Reason[] = [];

  @Property({ type: 'datetime', nullable: true })
  lastVisitAt?: Date | null;

  @Property({ type: 'datetime' })
  computedAt!: Date;
}

/** The store's segmentation thresholds (R-SEG-1..5); a store without a row uses SEGMENTATION_DEFAULTS. */
@Entity({ tableName: 'segmentation_settings' })
@ObjectType({ description: 'R-SEG-1..5: the store’s thresholds for value classes, churn, tags and behaviour points.' })
export class SegmentationSettings {
  [OptionalProps]?: keyof typeof SEGMENTATION_DEFAULTS | 'version';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true, unique: true })
  store!: Ref<Store>;

  @Field(() => Int, { description: 'The window spend, visits and tags look at, in months (default 12).' })
  @Property({ type: 'integer', default: SEGMENTATION_DEFAULTS.lookbackMonths })
  lookbackMonths: number = SEGMENTATION_DEFAULTS.lookbackMonths;

  @Field(() => Int, { description: 'A class: at least this spend in the window, in fen (default 500 000 = ¥5 000).' })
  @Property({ type: 'integer', default: SEGMENTATION_DEFAULTS.aMinSpendFen })
  aMinSpendFen: number = SEGMENTATION_DEFAULTS.aMinSpendFen;

  @Field(() => Int, { description: 'A class: at least this many paid visits in the window (default 3).' })
  @Property({ type: 'integer', default: SEGMENTATION_DEFAULTS.aMinPaidVisits })
  aMinPaidVisits: number = SEGMENTATION_DEFAULTS.aMinPaidVisits;

  @Field(() => Int, { description: 'D class and churn risk: no visit for more than this many months (default 6).' })
  @Property({ type: 'integer', default: SEGMENTATION_DEFAULTS.lostAfterMonths })
  lostAfterMonths: number = SEGMENTATION_DEFAULTS.lostAfterMonths;

  @Field(() => Int, { description: 'C class: visits on average further apart than this many days (default 180).' })
  @Property({ type: 'integer', default: SEGMENTATION_DEFAULTS.longGapDays })
  longGapDays: number = SEGMENTATION_DEFAULTS.longGapDays;

  @Field(() => Int, { description: 'Left after warranty: no visit this many days after the warranty ended (default 90).' })
  @Property({ type: 'integer', default: SEGMENTATION_DEFAULTS.leftAfterWarrantyDays })
  leftAfterWarrantyDays: number = SEGMENTATION_DEFAULTS.leftAfterWarrantyDays;

  @Field(() => Int, { description: 'Warranty years of a car whose archive has none (default 2).' })
  @Property({ type: 'integer', default: SEGMENTATION_DEFAULTS.defaultWarrantyYears })
  defaultWarrantyYears: number = SEGMENTATION_DEFAULTS.defaultWarrantyYears;

  @Field(() => Int, { description: 'Warranty kilometres of a car whose archive has none (default 60 000).' })
  @Property({ type: 'integer', default: SEGMENTATION_DEFAULTS.defaultWarrantyKm })
  defaultWarrantyKm: number = SEGMENTATION_DEFAULTS.defaultWarrantyKm;

  @Field(() => Int, { description: 'Tag FREQUENT_VISITS: at least this many visits in the window (default 4).' })
  @Property({ type: 'integer', default: SEGMENTATION_DEFAULTS.frequentVisits })
  frequentVisits: number = SEGMENTATION_DEFAULTS.frequentVisits;

  @Field(() => Int, { description: 'Tag FAULT_PRONE: at least this many repair visits (not only maintenance) in the window (default 3).' })
  @Property({ type: 'integer', default: SEGMENTATION_DEFAULTS.faultProneRepairs })
  faultProneRepairs: number = SEGMENTATION_DEFAULTS.faultProneRepairs;

  @Field(() => Int, { description: 'Tag HIGH_MILEAGE: more kilometres a year than this (default 30 000).' })
  @Property({ type: 'integer', default: SEGMENTATION_DEFAULTS.highMileageKmPerYear })
  highMileageKmPerYear: number = SEGMENTATION_DEFAULTS.highMileageKmPerYear;

  @Field(() => Int, { description: 'R-SEG-5: behaviour points one customer may get in one store day (default 100).' })
  @Property({ type: 'integer', default: SEGMENTATION_DEFAULTS.behaviourPointsDailyCap })
  behaviourPointsDailyCap: number = SEGMENTATION_DEFAULTS.behaviourPointsDailyCap;

  @Field(() => Boolean, { description: 'R-SEG-3 priority: A-class customers are offered and may book same-day slots even when same-day booking is off (default true).' })
  @Property({ type: 'boolean', default: SEGMENTATION_DEFAULTS.aClassSameDay })
  aClassSameDay: boolean = SEGMENTATION_DEFAULTS.aClassSameDay;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}
