import { Collection, Entity, Enum, ManyToMany, ManyToOne, OneToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Appointment, CarriedOverItem } from '../appointment/appointment.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { IdentityDocument } from './reception.enums.js';

/** R-REC-1: greeting later than this after arrival is shown as late, unless the store set otherwise. */
export const DEFAULT_GREET_WITHIN_SECONDS = 60;

/**
 * 接车: how the car was received (R-REC-1/2/4), one per work order opened by `receiveVehicle`. Written
 * once with the work order, in the same transaction; never changed.
 */
@Entity({ tableName: 'reception' })
@ObjectType({ description: 'How the car was received (接车): arrival and greeting (R-REC-1), identity (R-REC-2), the advisor’s notes (R-REC-4).' })
export class Reception {
  [OptionalProps]?: 'createdAt' | 'greetingDelaySeconds' | 'greetingLate';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @OneToOne(() => WorkOrder, { ref: true, owner: true, unique: true })
  workOrder!: Ref<WorkOrder>;

  /** The appointment the customer came for; an appointment is received once. */
  @ManyToOne(() => Appointment, { ref: true, nullable: true, unique: true })
  appointment?: Ref<Appointment> | null;

  @Field(() => Date, { description: 'R-REC-1: when the car arrived (reception start).' })
  @Property({ type: 'datetime' })
  arrivedAt!: Date;

  @Field(() => Date, { description: 'R-REC-1: when the customer was greeted.' })
  @Property({ type: 'datetime' })
  greetedAt!: Date;

  @Field(() => Int, { description: 'R-REC-1: the store’s greeting target in force at reception, in seconds.' })
  @Property({ type: 'integer' })
  greetWithinSeconds!: number;

  @Field(() => IdentityDocument, { description: 'R-REC-2: the document shown to confirm identity and ownership.' })
  @Enum({ items: () => IdentityDocument })
  identityDocument!: IdentityDocument;

  @Field(() => String, { nullable: true, description: 'R-REC-2: which document, when OTHER; or a remark on ownership.' })
  @Property({ type: 'string', length: 200, nullable: true })
  identityNote?: string | null;

  /** R-REC-4: the advisor's interpretation, kept apart from the customer's words (staff only: resolved in the reception resolver). */
  @Property({ type: 'text', nullable: true })
  advisorNotes?: string | null;

  /** Who received the car (null for the system). */
  @ManyToOne(() => Staff, { ref: true, nullable: true })
  receivedBy?: Ref<Staff> | null;

  /** R-APT-8: the vehicle's open carried-over items at reception, for the walk-around to raise. */
  @ManyToMany({ entity: () => CarriedOverItem, pivotTable: 'reception_carried_over_item', owner: true })
  carriedOverItems = new Collection<CarriedOverItem>(this);

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Int, { description: 'R-REC-1: seconds from arrival to greeting.' })
  get greetingDelaySeconds(): number {
    return Math.floor((this.greetedAt.getTime() - this.arrivedAt.getTime()) / 1000);
  }

  @Field(() => Boolean, { description: 'R-REC-1: the customer was greeted later than the store’s target (greetWithinSeconds).' })
  get greetingLate(): boolean {
    return this.greetingDelaySeconds > this.greetWithinSeconds;
  }
}

/** R-REC-1: the store's reception settings; a store without a row uses the defaults. */
@Entity({ tableName: 'reception_settings' })
@ObjectType({ description: 'The store’s reception settings (R-REC-1).' })
export class ReceptionSettings {
  [OptionalProps]?: 'greetWithinSeconds' | 'version';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true, unique: true })
  store!: Ref<Store>;

  @Field(() => Int, { description: 'R-REC-1: a customer greeted later than this many seconds after arrival is shown as greeted late (default 60).' })
  @Property({ type: 'integer', default: DEFAULT_GREET_WITHIN_SECONDS })
  greetWithinSeconds: number = DEFAULT_GREET_WITHIN_SECONDS;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}
