import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property, type Ref, OptionalProps, Unique } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Customer } from '../customer/customer.entity.js';
import { Skill } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { Bay } from '../store/bay.entity.js';
import { Store } from '../store/store.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { AdvisorTaskKind, AdvisorTaskStatus, AppointmentStatus, DemandChannel, DemandInitiator, DemandPurpose } from './appointment.enums.js';

/** A requested job as booked: what, which trade, standard minutes. */
export interface BookedJob {
  title: string;
  skill: Skill;
  standardMinutes: number;
}

@ObjectType({ description: 'A job requested for an appointment.' })
export class AppointmentJob {
  @Field(() => String, { description: 'What is to be done.' })
  title!: string;

  @Field(() => Skill, { description: 'The trade it needs.' })
  skill!: Skill;

  @Field(() => Float, { description: 'Standard (flat-rate) hours.' })
  standardHours!: number;
}

/** 预约 (R-APT-1/2). Changes only through AppointmentService and the transitions table (appointment.process.ts). */
@Entity({ tableName: 'appointment' })
@Index({ properties: ['store', 'slotStart'] })
@ObjectType({ implements: Node, description: 'An appointment (预约): the demand, the slot and the capacity held for it (R-APT-1/2).' })
export class Appointment {
  [OptionalProps]?: 'globalId' | 'status' | 'version' | 'createdAt' | 'updatedAt' | 'statusSince' | 'jobs';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @Field(() => AppointmentStatus, { description: 'Where the appointment stands.' })
  @Enum({ items: () => AppointmentStatus })
  status: AppointmentStatus = AppointmentStatus.BOOKED;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @ManyToOne(() => Customer, { ref: true, index: true })
  customer!: Ref<Customer>;

  @ManyToOne(() => Vehicle, { ref: true, index: true })
  vehicle!: Ref<Vehicle>;

  @ManyToOne(() => Staff, { ref: true })
  advisor!: Ref<Staff>;

  @ManyToOne(() => Bay, { ref: true })
  bay!: Ref<Bay>;

  @ManyToMany({ entity: () => Staff, pivotTable: 'appointment_technician', owner: true })
  technicians = new Collection<Staff>(this);

  @Field(() => Date, { description: 'Start of the booked slot.' })
  @Property({ type: 'datetime' })
  slotStart!: Date;

  @Field(() => Date, { description: 'End of the capacity held (start + the jobs’ standard time, rounded up to the slot granularity).' })
  @Property({ type: 'datetime' })
  slotEnd!: Date;

  @Field(() => DemandChannel, { description: 'How the demand reached the store (R-APT-1).' })
  @Enum({ items: () => DemandChannel })
  channel!: DemandChannel;

  @Field(() => DemandInitiator, { description: 'The customer asked, or the store invited (R-APT-1).' })
  @Enum({ items: () => DemandInitiator })
  initiator!: DemandInitiator;

  @Field(() => DemandPurpose, { description: 'What the visit is for (R-APT-1).' })
  @Enum({ items: () => DemandPurpose })
  purpose!: DemandPurpose;

  /** R-APT-2: the customer's own words (staff only: resolved in AppointmentResolver). */
  @Property({ type: 'text' })
  customerWords!: string;

  @Property({ type: 'json' })
  jobs: BookedJob[] = [];

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  @Property({ type: 'string', length: 500, nullable: true })
  cancelReason?: string | null;

  @Field(() => Date, { description: 'When it was booked.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'Last change.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date = new Date();

  @Field(() => Date, { description: 'When it entered its current status.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  statusSince: Date = new Date();

  @OneToMany(() => CarriedOverItem, (item) => item.appointment, { orderBy: { id: 'asc' } })
  carriedOverItems = new Collection<CarriedOverItem>(this);

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('Appointment', this.id);
  }
}

/**
 * R-APT-8: a fault found but not repaired on a visit (declined or deferred), kept on the vehicle's
 * archive until repaired; open items are attached to the vehicle's next appointment.
 */
@Entity({ tableName: 'carried_over_item' })
@ObjectType({ implements: Node, description: 'A fault found but not repaired on an earlier visit (R-APT-8), kept on the vehicle’s archive.' })
export class CarriedOverItem {
  [OptionalProps]?: 'globalId' | 'version' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => Vehicle, { ref: true, index: true })
  vehicle!: Ref<Vehicle>;

  @Field(() => String, { description: 'What was found (e.g. 前刹车片剩 3 mm).' })
  @Property({ type: 'string', length: 500 })
  description!: string;

  @Field(() => String, { nullable: true, description: 'The risk of leaving it, as told to the customer.' })
  @Property({ type: 'string', length: 500, nullable: true })
  risk?: string | null;

  /** The appointment it is attached to (the vehicle's next one), if any. */
  @ManyToOne(() => Appointment, { ref: true, nullable: true, index: true })
  appointment?: Ref<Appointment> | null;

  @Field(() => Date, { nullable: true, description: 'When it was repaired or closed; null while open.' })
  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date | null;

  @ManyToOne(() => Staff, { ref: true, nullable: true })
  createdBy?: Ref<Staff> | null;

  @Field(() => Date, { description: 'When it was recorded.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Int, { description: 'Optimistic-locking version.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('CarriedOverItem', this.id);
  }
}

/** R-APT-3/4/6: the store's booking settings; a store without a row uses the defaults. */
@Entity({ tableName: 'appointment_settings' })
@ObjectType({ description: 'The store’s booking settings (R-APT-3/4).' })
export class AppointmentSettings {
  [OptionalProps]?: 'openTime' | 'closeTime' | 'slotMinutes' | 'bookingWindowDays' | 'sameDayAllowed' | 'version';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true, unique: true })
  store!: Ref<Store>;

  @Field(() => String, { description: 'Workshop opening time, HH:MM in the store’s time zone.' })
  @Property({ type: 'string', length: 5, default: '08:30' })
  openTime: string = '08:30';

  @Field(() => String, { description: 'Workshop closing time, HH:MM in the store’s time zone; booked work ends by then.' })
  @Property({ type: 'string', length: 5, default: '18:00' })
  closeTime: string = '18:00';

  @Field(() => Int, { description: 'Slot granularity in minutes.' })
  @Property({ type: 'integer', default: 30 })
  slotMinutes: number = 30;

  @Field(() => Int, { description: 'R-APT-3: how many days ahead a booking may be made.' })
  @Property({ type: 'integer', default: 7 })
  bookingWindowDays: number = 7;

  @Field(() => Boolean, { description: 'R-APT-3: whether same-day bookings are taken (refused by default).' })
  @Property({ type: 'boolean', default: false })
  sameDayAllowed: boolean = false;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}

/** R-APT-6: a task on an advisor's list, opened by a job-queue task at its time. */
@Entity({ tableName: 'advisor_task' })
@Unique({ properties: ['appointment', 'kind'] })
@Index({ properties: ['assignee', 'status'] })
@ObjectType({ implements: Node, description: 'A task on an advisor’s list (R-APT-6).' })
export class AdvisorTask {
  [OptionalProps]?: 'globalId' | 'status' | 'version' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true })
  store!: Ref<Store>;

  @ManyToOne(() => Staff, { ref: true })
  assignee!: Ref<Staff>;

  @ManyToOne(() => Appointment, { ref: true, nullable: true })
  appointment?: Ref<Appointment> | null;

  /** R-APT-5: whom to call, for a task without an appointment (a booking refused for a parts shortage). */
  @ManyToOne(() => Customer, { ref: true, nullable: true })
  customer?: Ref<Customer> | null;

  @ManyToOne(() => Vehicle, { ref: true, nullable: true })
  vehicle?: Ref<Vehicle> | null;

  @Field(() => AdvisorTaskKind, { description: 'What to do.' })
  @Enum({ items: () => AdvisorTaskKind })
  kind!: AdvisorTaskKind;

  @Field(() => AdvisorTaskStatus, { description: 'Whether it is still to do.' })
  @Enum({ items: () => AdvisorTaskStatus })
  status: AdvisorTaskStatus = AdvisorTaskStatus.OPEN;

  @Field(() => Date, { description: 'When it is due (WAITING: the slot the customer asked for, until what it waits for happens).' })
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Field(() => Date, { description: 'When it appeared on the list.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was done.' })
  @Property({ type: 'datetime', nullable: true })
  doneAt?: Date | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as expectedVersion.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('AdvisorTask', this.id);
  }
}
