import { Entity, ManyToOne, OneToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';

/**
 * 交车: the delivery record of a work order (R-DEL-1, 2, 4), one per order, written with a change of
 * the work order (event DELIVERY_RECORDED) while it is READY. Changed only by correctDelivery (a few
 * fields, for a short time, each correction kept in DeliveryCorrection). Its next-service date and
 * mileage feed the care reminders (R-CARE-2).
 */
@Entity({ tableName: 'delivery' })
@ObjectType({ description: 'How the car was handed back (交车, R-DEL-1/2/4): checks, the explanation, the advice and the next service.' })
export class Delivery {
  [OptionalProps]?: 'createdAt' | 'version';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @OneToOne(() => WorkOrder, { ref: true, owner: true, unique: true })
  workOrder!: Ref<WorkOrder>;

  @Field(() => Int, { description: 'R-DEL-4: the odometer at delivery, in km (never below the mileage in).' })
  @Property({ type: 'integer' })
  mileageOut!: number;

  @Field(() => Boolean, { description: 'R-DEL-1: the interior was cleaned.' })
  @Property({ type: 'boolean' })
  interiorCleaned!: boolean;

  @Field(() => Boolean, { description: 'R-DEL-1: the customer’s belongings are back in place.' })
  @Property({ type: 'boolean' })
  itemsReturned!: boolean;

  @Field(() => Boolean, { description: 'R-DEL-2: the replaced parts were offered back to the customer.' })
  @Property({ type: 'boolean' })
  oldPartsOffered!: boolean;

  @Field(() => Boolean, { description: 'R-DEL-2: the customer took the old parts (false when not offered or left with the store).' })
  @Property({ type: 'boolean' })
  oldPartsTaken!: boolean;

  @Field(() => String, { description: 'R-DEL-2: the work done, as explained to the customer.' })
  @Property({ type: 'text' })
  explanation!: string;

  @Field(() => String, { nullable: true, description: 'R-DEL-2: advice given (re-checks, work to plan).' })
  @Property({ type: 'text', nullable: true })
  advice?: string | null;

  @Field(() => String, { description: 'R-DEL-4: next service due date, YYYY-MM-DD (feeds the care reminders).' })
  @Property({ type: 'string', columnType: 'date' })
  nextServiceDueOn!: string;

  @Field(() => Int, { description: 'R-DEL-4: next service due mileage, in km (feeds the care reminders).' })
  @Property({ type: 'integer' })
  nextServiceDueKm!: number;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  recordedBy?: Ref<Staff> | null;

  @Field(() => Int, { description: 'Optimistic-locking version of the record: 1 as recorded, one more per correction; pass it back to correctDelivery.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => Date, { description: 'When it was recorded.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

@ObjectType({ description: 'One field a delivery correction changed: its value before and after, as text.' })
export class DeliveryChange {
  @Field(() => String, { description: 'The field of the delivery record (mileageOut, nextServiceDueOn, nextServiceDueKm, advice).' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'The value before; null when it was empty.' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'The value after; null when emptied.' })
  to?: string | null;
}

/** A correction of a delivery record (who changed what, when, why): append-only history. */
@Entity({ tableName: 'delivery_correction' })
@ObjectType({ description: 'A correction of a delivery record: who changed which fields from what to what, when and why. Never changed.' })
export class DeliveryCorrection {
  [OptionalProps]?: 'changes';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => Delivery, { ref: true, index: true })
  delivery!: Ref<Delivery>;

  @Property({ type: 'jsonb', fieldName: 'changes' })
  changeRows: { field: string; from: string | null; to: string | null }[] = [];

  @Field(() => String, { description: 'Why it was corrected.' })
  @Property({ type: 'string', length: 500 })
  reason!: string;

  @Field(() => Int, { description: 'The record’s version this correction made.' })
  @Property({ type: 'integer' })
  version!: number;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  correctedBy?: Ref<Staff> | null;

  @Field(() => Date, { description: 'When.' })
  @Property({ type: 'datetime' })
  correctedAt!: Date;

  @Field(() => [DeliveryChange], { description: 'What changed.' })
  get changes(): DeliveryChange[] {
    return this.changeRows.map((c) => Object.assign(new DeliveryChange(), c));
  }
}
