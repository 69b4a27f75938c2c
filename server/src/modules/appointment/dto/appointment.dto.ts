import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../graphql/connection.js';
import { UserError } from '../../../graphql/user-error.js';
import { Skill } from '../../staff/roles.js';
import { Staff } from '../../staff/staff.entity.js';
import { Bay } from '../../store/bay.entity.js';
import { AdvisorTask, Appointment, AppointmentSettings, CarriedOverItem } from '../appointment.entity.js';
import { AdvisorTaskStatus, AppointmentStatus, DemandChannel, DemandInitiator, DemandPurpose } from '../appointment.enums.js';

@InputType({ description: 'A job the customer asks for.' })
export class AppointmentJobInput {
  @Field(() => String, { description: 'What is to be done.' })
  title!: string;

  @Field(() => Skill, { description: 'The trade it needs (decides bay and technician).' })
  skill!: Skill;

  @Field(() => Float, { description: 'Standard (flat-rate) hours, > 0 and ≤ 24.' })
  standardHours!: number;
}

@InputType({ description: 'What free slots to look for (R-APT-4).' })
export class AvailableSlotsInput {
  @Field(() => ID, { nullable: true, description: 'Global id of the vehicle, when known.' })
  vehicleId?: string | null;

  @Field(() => Date, { description: 'Look from this instant (slots before it, before tomorrow or past the booking window are left out).' })
  from!: Date;

  @Field(() => Int, { nullable: true, defaultValue: 7, description: 'How many days from `from` (1 to 14).' })
  days?: number;

  @Field(() => [AppointmentJobInput], { description: 'The jobs; their skills and standard hours decide bay, technicians and length.' })
  jobs!: AppointmentJobInput[];
}

@ObjectType({ description: 'A slot that can be served: a bay and technicians free for the whole work (R-APT-4).' })
export class AppointmentSlot {
  @Field(() => Date, { description: 'Start of the slot.' })
  start!: Date;

  @Field(() => Date, { description: 'End of the work booked from that start.' })
  end!: Date;

  @Field(() => Bay, { nullable: true, description: 'The bay that would be held.' })
  bay?: Bay | null;

  @Field(() => [Staff], { description: 'The technicians who would be held.' })
  technicians: Staff[] = [];
}

@InputType({ description: 'A part a booking asks for (R-APT-2/5).' })
export class AppointmentPartInput {
  @Field(() => String, { description: 'The part number in the store’s catalog.' })
  partNumber!: string;

  @Field(() => Int, { description: 'How many (1 to 999).' })
  quantity!: number;
}

@InputType({ description: 'A booking (R-APT-1/2).' })
export class BookAppointmentInput {
  @Field(() => ID, { description: 'Global id of the customer.' })
  customerId!: string;

  @Field(() => ID, { description: 'Global id of the vehicle.' })
  vehicleId!: string;

  @Field(() => Date, { description: 'Start of the slot asked for (on the store’s slot grid).' })
  slotStart!: Date;

  @Field(() => DemandChannel, { description: 'How the demand reached the store.' })
  channel!: DemandChannel;

  @Field(() => DemandInitiator, { description: 'The customer asked, or the store invited.' })
  initiator!: DemandInitiator;

  @Field(() => DemandPurpose, { description: 'What the visit is for.' })
  purpose!: DemandPurpose;

  @Field(() => String, { description: "The customer's own words." })
  customerWords!: string;

  @Field(() => [AppointmentJobInput], { description: 'The jobs asked for (1 to 20).' })
  jobs!: AppointmentJobInput[];

  @Field(() => ID, { nullable: true, description: 'The responsible advisor; defaults to the signed-in advisor, else the advisor with the fewest bookings that day.' })
  advisorId?: string | null;

  @Field(() => [AppointmentPartInput], { nullable: true, description: 'R-APT-4/5: parts to hold for the visit (at most 20); a shortage refuses the booking with PARTS_SHORTAGE and raises a purchase request and a task to call the customer.' })
  parts?: AppointmentPartInput[] | null;
}

@ObjectType({ description: 'The appointment booked, or why not and what else is free.' })
export class BookAppointmentPayload {
  @Field(() => Appointment, { nullable: true, description: 'The appointment; null when refused.' })
  appointment?: Appointment | null;

  @Field(() => [AppointmentSlot], { description: 'R-APT-4: when the slot cannot be served, at least 3 free slots nearest to it.' })
  alternatives: AppointmentSlot[] = [];

  @Field(() => AdvisorTask, { nullable: true, description: 'R-APT-5: refused for a parts shortage — the advisor’s task to call the customer when the parts arrive (WAITING until then); else null.' })
  followUpTask?: AdvisorTask | null;

  /** R-APT-5: the purchase requests a shortage raised (exposed by the parts module as `purchaseRequest(s)`). */
  purchaseRequestsRaised: object[] = [];

  @Field(() => [UserError], { description: 'Why the booking was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'A status move of an appointment.' })
export class TransitionAppointmentInput {
  @Field(() => ID, { description: 'Global id of the appointment.' })
  id!: string;

  @Field(() => AppointmentStatus, { description: 'The target status; must be allowed from the current one.' })
  to!: AppointmentStatus;

  @Field(() => String, { nullable: true, description: 'Required for cancelling.' })
  reason?: string | null;

  @Field(() => Int, { nullable: true, description: 'Refused with STALE_VERSION when the appointment has moved on.' })
  expectedVersion?: number | null;
}

@ObjectType({ description: 'The appointment after the change, or why not.' })
export class AppointmentPayload {
  @Field(() => Appointment, { nullable: true, description: 'The appointment as it is now; null when refused.' })
  appointment?: Appointment | null;

  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'Which appointments to list.' })
export class AppointmentFilter {
  @Field(() => Date, { nullable: true, description: 'Slots starting at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Slots starting before this instant.' })
  to?: Date | null;

  @Field(() => [AppointmentStatus], { nullable: true, description: 'Only these statuses.' })
  status?: AppointmentStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only this advisor’s appointments.' })
  advisorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this vehicle’s appointments.' })
  vehicleId?: string | null;
}

export const AppointmentConnection = ConnectionType(Appointment, 'Appointment');
export const AdvisorTaskConnection = ConnectionType(AdvisorTask, 'AdvisorTask');

@InputType({ description: 'Marks a task done.' })
export class CompleteTaskInput {
  @Field(() => ID, { description: 'Global id of the task.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Refused with STALE_VERSION when the task has changed.' })
  expectedVersion?: number | null;
}

@ObjectType({ description: 'The task after the change, or why not.' })
export class AdvisorTaskPayload {
  @Field(() => AdvisorTask, { nullable: true, description: 'The task as it is now; null when refused.' })
  task?: AdvisorTask | null;

  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'A fault found but not repaired (R-APT-8).' })
export class RecordCarriedOverItemInput {
  @Field(() => ID, { description: 'Global id of the vehicle.' })
  vehicleId!: string;

  @Field(() => String, { description: 'What was found.' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'The risk of leaving it.' })
  risk?: string | null;
}

@ObjectType({ description: 'The item recorded, or why not.' })
export class CarriedOverItemPayload {
  @Field(() => CarriedOverItem, { nullable: true, description: 'The item; null when refused.' })
  item?: CarriedOverItem | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}

@InputType({ description: 'Changes to the booking settings; omitted fields stay.' })
export class UpdateAppointmentSettingsInput {
  @Field(() => String, { nullable: true, description: 'Opening time, HH:MM.' })
  openTime?: string | null;

  @Field(() => String, { nullable: true, description: 'Closing time, HH:MM.' })
  closeTime?: string | null;

  @Field(() => Int, { nullable: true, description: 'Slot granularity in minutes (10 to 120).' })
  slotMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days ahead a booking may be made (1 to 60).' })
  bookingWindowDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether same-day bookings are taken.' })
  sameDayAllowed?: boolean | null;

  @Field(() => Int, { description: 'The version read; refused with STALE_VERSION when it changed.' })
  expectedVersion!: number;
}

@ObjectType({ description: 'The settings after the change, or why not.' })
export class AppointmentSettingsPayload {
  @Field(() => AppointmentSettings, { nullable: true, description: 'The settings; null when refused.' })
  settings?: AppointmentSettings | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}

export { AdvisorTaskStatus };

@ObjectType({ description: "One entry of an appointment's timeline, read from the event log. Never edited." })
export class AppointmentEvent {
  @Field(() => String, { description: 'What happened: BOOKED, CONFIRMED, ARRIVED, NO_SHOW, CANCELLED, CARRIED_OVER_ATTACHED.' })
  kind!: string;

  @Field(() => AppointmentStatus, { name: 'from', nullable: true, description: 'Status before the move; null for the booking and for events that move nothing.' })
  fromStatus!: AppointmentStatus | null;

  @Field(() => AppointmentStatus, { name: 'to', nullable: true, description: 'Status after the move; null for events that move nothing.' })
  toStatus!: AppointmentStatus | null;

  @Field(() => String, { nullable: true, description: 'The reason given (cancellations).' })
  reason!: string | null;

  @Field(() => Int, { nullable: true, description: 'Appointment version after this event; null for events recorded from another aggregate.' })
  version!: number | null;

  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;

  @Field(() => Staff, { nullable: true, description: 'The staff member who did it; null for the system.' })
  actor!: Staff | Promise<Staff> | null;
}
