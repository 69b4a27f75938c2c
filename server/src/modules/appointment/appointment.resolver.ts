import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import { PAGE_ARGS, pageRequest } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { toPayload, toUserError } from '../../graphql/user-error.js';
import { loaded, loadedItems } from '../../db/loaded.js';
import { eventsOf } from '../../events/event-loader.js';
import { Customer } from '../customer/customer.entity.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { Bay } from '../store/bay.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { AdvisorTask, Appointment, AppointmentJob, AppointmentSettings, CarriedOverItem } from './appointment.entity.js';
import { AdvisorTaskStatus, AppointmentStatus } from './appointment.enums.js';
import { APPOINTMENT } from './appointment.service.js';
import { APPOINTMENT_READER_ROLES, BOOKING_ROLES, nextAppointmentStatuses } from './appointment.process.js';
import {
  AdvisorTaskConnection,
  AdvisorTaskPayload,
  AppointmentConnection,
  AppointmentEvent,
  AppointmentFilter,
  AppointmentPayload,
  AppointmentSettingsPayload,
  AppointmentSlot,
  AvailableSlotsInput,
  BookAppointmentInput,
  BookAppointmentPayload,
  CarriedOverItemPayload,
  CompleteTaskInput,
  RecordCarriedOverItemInput,
  TransitionAppointmentInput,
  UpdateAppointmentSettingsInput,
} from './dto/appointment.dto.js';

@Resolver(() => Appointment)
export class AppointmentResolver {
  @Authorized(...APPOINTMENT_READER_ROLES)
  @Query(() => [AppointmentSlot], { description: 'R-APT-4: slots that can be served for these jobs — a bay with the skills and technicians free for the whole work — inside the booking window.' })
  async availableSlots(@Arg('input', () => AvailableSlotsInput, { description: 'What to do; see the input type.' }) input: AvailableSlotsInput, @Ctx() ctx: Context): Promise<AppointmentSlot[]> {
    const result = await ctx.services.appointments.availableSlots(ctx.em, requireStaff(ctx), input);
    if (!result.ok) {
      const first = toUserError(ctx.locale, result.errors[0]);
      throw new GraphQLError(`${first.field?.join('.') ?? ''} ${first.message}`.trim(), { extensions: { code: 'BAD_USER_INPUT', userErrors: result.errors.map((e) => toUserError(ctx.locale, e)) } });
    }
    return result.value.map((s) => Object.assign(new AppointmentSlot(), s));
  }

  @Authorized(...APPOINTMENT_READER_ROLES)
  @Query(() => Appointment, { nullable: true, description: 'One appointment of the store.' })
  appointment(@Arg('id', () => ID, { description: 'Global id of the appointment.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.appointments.findById(ctx.em, requireStaff(ctx).storeId, id);
  }

  @Authorized(...APPOINTMENT_READER_ROLES)
  @Query(() => AppointmentConnection, { description: 'The store’s appointments, in booking order.' })
  appointments(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGS.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGS.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARGS.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARGS.before }) before?: string,
    @Arg('filter', () => AppointmentFilter, { nullable: true, description: 'Which appointments.' }) filter?: AppointmentFilter,
  ) {
    return ctx.services.appointments.list(ctx.em, requireStaff(ctx).storeId, pageRequest(first, after, last, before), filter);
  }

  @Authorized()
  @Query(() => AppointmentSettings, { description: 'The store’s booking settings (R-APT-3).' })
  appointmentSettings(@Ctx() ctx: Context) {
    return ctx.services.appointments.settings(ctx.em, requireStaff(ctx).storeId);
  }

  @Authorized(...BOOKING_ROLES)
  @Mutation(() => BookAppointmentPayload, { description: 'R-APT-1..4: books a slot, holding a bay, technicians and an advisor; when the slot cannot be served, refuses with alternatives.' })
  async bookAppointment(@Arg('input', () => BookAppointmentInput, { description: 'What to do; see the input type.' }) input: BookAppointmentInput, @Ctx() ctx: Context): Promise<BookAppointmentPayload> {
    const outcome = await ctx.services.appointments.book(ctx.em, requireStaff(ctx), input);
    return Object.assign(new BookAppointmentPayload(), toPayload(ctx.locale, 'appointment', outcome.result), {
      alternatives: outcome.alternatives.map((s) => Object.assign(new AppointmentSlot(), s)),
      followUpTask: outcome.followUp?.task ?? null,
      purchaseRequestsRaised: outcome.followUp?.purchaseRequests ?? [],
    });
  }

  @Authorized(...BOOKING_ROLES)
  @Mutation(() => AppointmentPayload, { description: 'Moves an appointment along its transitions table.' })
  async transitionAppointment(@Arg('input', () => TransitionAppointmentInput, { description: 'What to do; see the input type.' }) input: TransitionAppointmentInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'appointment', await ctx.services.appointments.transition(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(Role.SERVICE_MANAGER)
  @Mutation(() => AppointmentSettingsPayload, { description: 'Changes the store’s booking settings (R-APT-3).' })
  async updateAppointmentSettings(@Arg('input', () => UpdateAppointmentSettingsInput, { description: 'What to do; see the input type.' }) input: UpdateAppointmentSettingsInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'settings', await ctx.services.appointments.updateSettings(ctx.em, requireStaff(ctx), input));
  }

  @Authorized(...BOOKING_ROLES)
  @Mutation(() => CarriedOverItemPayload, { description: 'R-APT-8: records a fault found but not repaired on the vehicle’s archive; it comes along with the next appointment.' })
  async recordCarriedOverItem(@Arg('input', () => RecordCarriedOverItemInput, { description: 'What to do; see the input type.' }) input: RecordCarriedOverItemInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'item', await ctx.services.appointments.recordCarriedOver(ctx.em, requireStaff(ctx), input));
  }

  @Authorized()
  @FieldResolver(() => Customer, { description: 'The customer.' })
  customer(@Root() a: Appointment) {
    return loaded(a.customer);
  }

  @FieldResolver(() => Vehicle, { description: 'The vehicle.' })
  vehicle(@Root() a: Appointment) {
    return loaded(a.vehicle);
  }

  @FieldResolver(() => Staff, { description: 'The responsible advisor (R-APT-2).' })
  advisor(@Root() a: Appointment) {
    return loaded(a.advisor);
  }

  @FieldResolver(() => Bay, { description: 'The bay held for the slot (R-APT-2).' })
  bay(@Root() a: Appointment) {
    return loaded(a.bay);
  }

  @FieldResolver(() => [Staff], { description: 'The technicians held for the slot, by skill (R-APT-2).' })
  technicians(@Root() a: Appointment) {
    return loadedItems(a.technicians);
  }

  @FieldResolver(() => [CarriedOverItem], { description: 'R-APT-8: faults found but not repaired on earlier visits, to raise at the walk-around.' })
  carriedOver(@Root() a: Appointment) {
    return loadedItems(a.carriedOverItems);
  }

  @Authorized()
  @FieldResolver(() => String, { description: "The customer's own words (R-APT-2)." })
  customerWords(@Root() a: Appointment): string {
    return a.customerWords;
  }

  @FieldResolver(() => [AppointmentJob], { description: 'The jobs asked for.' })
  jobs(@Root() a: Appointment): AppointmentJob[] {
    return a.jobs.map((j) => Object.assign(new AppointmentJob(), { title: j.title, skill: j.skill, standardHours: j.standardMinutes / 60 }));
  }

  @Authorized()
  @FieldResolver(() => [AppointmentEvent], { description: 'The timeline from the event log, oldest first.' })
  async events(@Root() a: Appointment, @Ctx() ctx: Context): Promise<AppointmentEvent[]> {
    return (await eventsOf(ctx.em, APPOINTMENT, a.id)).map((e) => {
      const data = e.data as { from?: AppointmentStatus; to?: AppointmentStatus; reason?: string | null; version?: number };
      return Object.assign(new AppointmentEvent(), {
        kind: e.kind,
        fromStatus: data.from ?? null,
        toStatus: data.to ?? null,
        reason: data.reason ?? null,
        version: data.version ?? null,
        at: e.at,
        actor: e.actorKind === 'staff' && e.actorId ? ctx.em.getReference(Staff, e.actorId, { wrapped: true }).load() : null,
      });
    });
  }

  @FieldResolver(() => [AppointmentStatus], { description: 'Statuses the transitions table allows next (roles aside).' })
  nextStatuses(@Root() a: Appointment): AppointmentStatus[] {
    return nextAppointmentStatuses(a.status);
  }
}

@Resolver(() => AdvisorTask)
export class AdvisorTaskResolver {
  @Authorized()
  @Query(() => AdvisorTaskConnection, { description: 'R-APT-6: the signed-in staff member’s task list, oldest first (open tasks unless `status` says otherwise).' })
  myTasks(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARGS.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARGS.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARGS.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARGS.before }) before?: string,
    @Arg('status', () => [AdvisorTaskStatus], { nullable: true, description: 'Only these statuses (default: OPEN).' }) status?: AdvisorTaskStatus[],
  ) {
    return ctx.services.appointments.myTasks(ctx.em, requireStaff(ctx), pageRequest(first, after, last, before), status);
  }

  @Authorized()
  @Mutation(() => AdvisorTaskPayload, { description: 'Marks one of your tasks done.' })
  async completeTask(@Arg('input', () => CompleteTaskInput, { description: 'What to do; see the input type.' }) input: CompleteTaskInput, @Ctx() ctx: Context) {
    return toPayload(ctx.locale, 'task', await ctx.services.appointments.completeTask(ctx.em, requireStaff(ctx), input));
  }

  @FieldResolver(() => Appointment, { nullable: true, description: 'The appointment the task is about.' })
  appointment(@Root() t: AdvisorTask) {
    return t.appointment ? loaded(t.appointment) : null;
  }

  @FieldResolver(() => Staff, { description: 'Whose task it is.' })
  assignee(@Root() t: AdvisorTask) {
    return loaded(t.assignee);
  }

  @Authorized()
  @FieldResolver(() => Customer, { nullable: true, description: 'Whom to call, for a task without an appointment (R-APT-5: a booking refused for a parts shortage).' })
  customer(@Root() t: AdvisorTask) {
    return t.customer ? loaded(t.customer) : null;
  }

  @FieldResolver(() => Vehicle, { nullable: true, description: 'The vehicle, for a task without an appointment (R-APT-5).' })
  vehicle(@Root() t: AdvisorTask) {
    return t.vehicle ? loaded(t.vehicle) : null;
  }
}

@Resolver(() => Vehicle)
export class VehicleCarriedOverResolver {
  @Authorized()
  @FieldResolver(() => [CarriedOverItem], { description: 'R-APT-8: faults found but not repaired, still open, oldest first.' })
  carriedOverItems(@Root() v: Vehicle, @Ctx() ctx: Context) {
    return ctx.services.appointments.openCarriedOver(ctx.em, requireStaff(ctx).storeId, v.id);
  }
}
