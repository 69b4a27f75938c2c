import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventLog, Fact } from '../../events/event-log.js';
import type { JobQueue } from '../../events/job-queue.js';
import { keyset, toConnection, type PageRequest } from '../../shared/page.js';
import { type Actor, actsAs, isManager, staffIdOf } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { notFound, ok, refuse, refusal, type Refusal, type Result } from '../../shared/result.js';
import { Customer } from '../customer/customer.entity.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { Bay } from '../store/bay.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { AdvisorTask, Appointment, AppointmentSettings, type BookedJob, CarriedOverItem } from './appointment.entity.js';
import { AdvisorTaskKind, AdvisorTaskStatus, AppointmentEventKind, AppointmentStatus as S } from './appointment.enums.js';
import { AppointmentError as E } from './appointment.errors.js';
import { actorMayMoveAppointment, findAppointmentTransition, HOLDS_CAPACITY, RELEASES } from './appointment.process.js';
import { addBusy, bookableDays, bookedMinutes, type Capacity, type CapacitySettings, type FreeSlot, freeSlots, nearest, windowCheck } from './capacity.js';
import { addDays, atLocal, daysBetween, localDay, parseClock } from './local-time.js';
import type { AppointmentParts, BookedPart, PartsShortage } from './appointment.parts.js';
import type { AppointmentPriority } from './appointment.priority.js';
import type {
  AppointmentFilter,
  AppointmentJobInput,
  AvailableSlotsInput,
  BookAppointmentInput,
  CompleteTaskInput,
  RecordCarriedOverItemInput,
  TransitionAppointmentInput,
  UpdateAppointmentSettingsInput,
} from './dto/appointment.dto.js';
import { storeTimezone } from '../../shared/sql.js';

export const APPOINTMENT = 'Appointment';
export const ADVISOR_TASK = 'AdvisorTask';
export const CARRIED_OVER_ITEM = 'CarriedOverItem';
/** The job-queue task that opens an advisor's task at its time (R-APT-6). */
export const APPOINTMENT_TASK = 'appointment.task';
const MAX_JOBS = 20;
const MAX_PARTS = 20;
/** R-APT-4: at least this many alternatives when the slot cannot be served. */
export const ALTERNATIVES = 5;
/** R-APT-6 */
export const CONFIRM_BEFORE_MINUTES = 30;
export const GREET_BEFORE_MINUTES = 5;
export const REMIND_IF_BOOKED_DAYS_AHEAD = 3;
/** Work orders that hold their bay and technicians now. */
const WORKING = ['QUEUED', 'IN_PROGRESS', 'ON_HOLD'];

/** A slot with the bay and technicians it would hold. */
export interface SlotView {
  start: Date;
  end: Date;
  bay: Bay | null;
  technicians: Staff[];
}

export interface BookOutcome {
  result: Result<Appointment>;
  alternatives: SlotView[];
  /** R-APT-5: a booking refused for a parts shortage — the advisor's task and the purchase requests raised. */
  followUp?: { task: AdvisorTask; purchaseRequests: object[] };
}

const DEFAULTS = { openTime: '08:30', closeTime: '18:00', slotMinutes: 30, bookingWindowDays: 7, sameDayAllowed: false };

interface Loaded {
  settings: CapacitySettings;
  capacity: Capacity;
  bays: Map<number, Bay>;
  technicians: Map<number, Staff>;
}

export class AppointmentService {
  constructor(
    private readonly log: EventLog,
    private readonly queue: JobQueue,
    /** R-APT-4/5: the parts department (the parts module), when the booking asks for parts. */
    private readonly parts: () => AppointmentParts | undefined = () => undefined,
    /** R-SEG-3: A-class priority (the segmentation module), when it is loaded. */
    private readonly priority: () => AppointmentPriority | undefined = () => undefined,
  ) {}

  /** R-SEG-3: an A-class customer is offered (and may book) same-day slots even when the store refuses same-day bookings. */
  private async withPriority(em: EntityManager, storeId: number, customerId: number | null, settings: CapacitySettings): Promise<CapacitySettings> {
    if (settings.sameDayAllowed || customerId == null) return settings;
    const first = await this.priority()?.sameDayPriority(em, storeId, customerId);
    return first ? { ...settings, sameDayAllowed: true } : settings;
  }

  private get now(): Date {
    return this.log.clock.now();
  }

  // ---- settings ----------------------------------------------------------------------------

  async settings(em: EntityManager, storeId: number): Promise<AppointmentSettings> {
    return (await em.findOne(AppointmentSettings, { store: storeId })) ?? em.create(AppointmentSettings, { store: storeId, ...DEFAULTS }, { persist: false });
  }

  async updateSettings(em: EntityManager, actor: Actor, input: UpdateAppointmentSettingsInput): Promise<Result<AppointmentSettings>> {
    const check = new InputCheck();
    if (input.openTime != null && parseClock(input.openTime) == null) check.fail(['openTime'], E.INVALID_TIME);
    if (input.closeTime != null && parseClock(input.closeTime) == null) check.fail(['closeTime'], E.INVALID_TIME);
    check.range(['slotMinutes'], input.slotMinutes, 10, 120);
    check.range(['bookingWindowDays'], input.bookingWindowDays, 1, 60);
    if (check.failed) return refuse(...check.errors);
    return this.log.change(em, actor, {
      type: 'AppointmentSettings',
      storeId: actor.storeId,
      load: async (tx) => {
        const found = await tx.findOne(AppointmentSettings, { store: actor.storeId }, { refresh: true });
        if (found) return found;
        const created = tx.create(AppointmentSettings, { store: actor.storeId, ...DEFAULTS });
        await tx.flush();
        return created;
      },
      notFound: notFound('AppointmentSettings'),
      expectedVersion: input.expectedVersion,
      apply: async (_tx, s) => {
        if (input.openTime != null) s.openTime = input.openTime;
        if (input.closeTime != null) s.closeTime = input.closeTime;
        if (input.slotMinutes != null) s.slotMinutes = input.slotMinutes;
        if (input.bookingWindowDays != null) s.bookingWindowDays = input.bookingWindowDays;
        if (input.sameDayAllowed != null) s.sameDayAllowed = input.sameDayAllowed;
        if (parseClock(s.closeTime)! <= parseClock(s.openTime)!) return [refusal(E.INVALID_TIME, ['input', 'closeTime'])];
        return { kind: 'UPDATED', data: { ...DEFAULTS, openTime: s.openTime, closeTime: s.closeTime, slotMinutes: s.slotMinutes, bookingWindowDays: s.bookingWindowDays, sameDayAllowed: s.sameDayAllowed } };
      },
    });
  }

  // ---- capacity (R-APT-3/4) ----------------------------------------------------------------

  /**
   * Everything capacity depends on, for [from, to): settings, bays, technicians, the appointments
   * holding capacity and the work orders in the workshop — a fixed number of statements (five),
   * whatever the number of bookings.
   */
  private async loadCapacity(em: EntityManager, storeId: number, from: Date, to: Date, exceptAppointmentId = 0): Promise<Loaded> {
    const [row] = await em.execute<Record<string, unknown>[]>(
      `select s.timezone, a.open_time, a.close_time, a.slot_minutes, a.booking_window_days, a.same_day_allowed
         from store s left join appointment_settings a on a.store_id = s.id where s.id = ?`,
      [storeId],
    );
    const settings: CapacitySettings = {
      timezone: String(row.timezone),
      openMinutes: parseClock(String(row.open_time ?? DEFAULTS.openTime))!,
      closeMinutes: parseClock(String(row.close_time ?? DEFAULTS.closeTime))!,
      slotMinutes: Number(row.slot_minutes ?? DEFAULTS.slotMinutes),
      bookingWindowDays: Number(row.booking_window_days ?? DEFAULTS.bookingWindowDays),
      sameDayAllowed: row.same_day_allowed == null ? DEFAULTS.sameDayAllowed : Boolean(row.same_day_allowed),
    };
    const bays = await em.find(Bay, { store: storeId, active: true }, { orderBy: { position: 'asc', id: 'asc' } });
    const technicians = await em.find(Staff, { store: storeId, active: true, roles: { $contains: [Role.TECHNICIAN] } }, { orderBy: { id: 'asc' } });
    const booked = await em.execute<{ bay_id: number; slot_start: Date; slot_end: Date; techs: number[] }[]>(
      `select a.bay_id, a.slot_start, a.slot_end, coalesce(array_agg(t.staff_id) filter (where t.staff_id is not null), '{}') as techs
         from appointment a left join appointment_technician t on t.appointment_id = a.id
        where a.store_id = ? and a.status in (${HOLDS_CAPACITY.map(() => '?').join(', ')}) and a.slot_start < ? and a.slot_end > ? and a.id <> ?
        group by a.id`,
      [storeId, ...HOLDS_CAPACITY, to, from, exceptAppointmentId],
    );
    const working = await em.execute<{ bay_id: number | null; remaining: string; techs: number[] | null }[]>(
      `select w.bay_id,
              (select coalesce(sum(j.standard_minutes), 0) from job j where j.work_order_id = w.id and j.status <> 'DONE') as remaining,
              (select array_agg(wt.staff_id) from work_order_technician wt where wt.work_order_id = w.id) as techs
         from work_order w where w.store_id = ? and w.status in (${WORKING.map(() => '?').join(', ')})`,
      [storeId, ...WORKING],
    );
    const capacity: Capacity = {
      bays: bays.map((b) => ({ id: b.id, skills: b.skills })),
      technicians: technicians.map((t) => ({ id: t.id, skills: t.skills })),
      bayBusy: new Map(),
      technicianBusy: new Map(),
    };
    for (const a of booked) {
      const s = new Date(a.slot_start).getTime();
      const e = new Date(a.slot_end).getTime();
      addBusy(capacity.bayBusy, a.bay_id, s, e);
      for (const t of a.techs) addBusy(capacity.technicianBusy, Number(t), s, e);
    }
    // A car in the workshop holds its bay and crew from now for the standard time of its unfinished jobs.
    const now = this.now.getTime();
    for (const w of working) {
      const end = now + Math.max(Number(w.remaining), settings.slotMinutes) * 60_000;
      if (w.bay_id != null) addBusy(capacity.bayBusy, w.bay_id, now, end);
      for (const t of w.techs ?? []) addBusy(capacity.technicianBusy, Number(t), now, end);
    }
    return {
      settings,
      capacity,
      bays: new Map(bays.map((b) => [b.id, b])),
      technicians: new Map(technicians.map((t) => [t.id, t])),
    };
  }

  private checkJobs(check: InputCheck, jobs: readonly AppointmentJobInput[]): BookedJob[] {
    if (jobs.length === 0) check.fail(['jobs'], 'REQUIRED');
    if (jobs.length > MAX_JOBS) check.fail(['jobs'], E.TOO_MANY, { max: MAX_JOBS });
    return jobs.slice(0, MAX_JOBS).map((job, i) => {
      const title = check.text(['jobs', i, 'title'], job.title, { max: 120, required: true });
      check.range(['jobs', i, 'standardHours'], job.standardHours, 0.1, 24);
      return { title: title ?? '', skill: job.skill, standardMinutes: Math.round(job.standardHours * 60) };
    });
  }

  private view(loaded: Loaded, slot: FreeSlot): SlotView {
    return {
      start: slot.start,
      end: slot.end,
      bay: loaded.bays.get(slot.bayId) ?? null,
      technicians: slot.technicianIds.map((id) => loaded.technicians.get(id)!),
    };
  }

  /** R-APT-4: the slots that can be served for these jobs, from `from` for `days` days, inside the booking window. */
  async availableSlots(em: EntityManager, actor: Actor, input: AvailableSlotsInput): Promise<Result<SlotView[]>> {
    const check = new InputCheck();
    const jobs = this.checkJobs(check, input.jobs);
    const days = input.days ?? 7;
    check.range(['days'], days, 1, 14);
    if (input.vehicleId != null && !dbId(input.vehicleId, 'Vehicle')) check.fail(['vehicleId'], 'INVALID_ID');
    if (check.failed) return refuse(...check.errors);
    const now = this.now;
    const from = input.from.getTime() < now.getTime() ? now : input.from;
    const to = new Date(from.getTime() + (days + 1) * 86_400_000);
    const loaded = await this.loadCapacity(em, actor.storeId, from, to);
    const vehicleId = input.vehicleId == null ? null : dbId(input.vehicleId, 'Vehicle');
    const owner = vehicleId == null ? null : ((await em.findOne(Vehicle, { id: vehicleId, store: actor.storeId }, { fields: ['owner'] }))?.owner.id ?? null);
    const settings = await this.withPriority(em, actor.storeId, owner, loaded.settings);
    const window = bookableDays(settings, now);
    const firstDay = [localDay(settings.timezone, from), window.first].sort()[1];
    const lastDay = [addDays(localDay(settings.timezone, from), days - 1), window.last].sort()[0];
    if (daysBetween(firstDay, lastDay) < 0) return ok([]);
    const minutes = bookedMinutes(jobs.map((j) => j.standardMinutes), settings.slotMinutes);
    const slots = freeSlots(settings, loaded.capacity, [...new Set(jobs.map((j) => j.skill))], minutes, firstDay, lastDay, from);
    return ok(slots.map((s) => this.view(loaded, s)));
  }

  // ---- booking (R-APT-1/2/3/4/6/8) ---------------------------------------------------------

  async book(em: EntityManager, actor: Actor, input: BookAppointmentInput): Promise<BookOutcome> {
    const check = new InputCheck();
    const jobs = this.checkJobs(check, input.jobs);
    const customerWords = check.text(['customerWords'], input.customerWords, { max: 2000, required: true, multiline: true });
    const customerId = dbId(input.customerId, 'Customer');
    if (!customerId) check.fail(['customerId'], 'INVALID_ID');
    const vehicleId = dbId(input.vehicleId, 'Vehicle');
    if (!vehicleId) check.fail(['vehicleId'], 'INVALID_ID');
    const advisorId = input.advisorId == null ? null : dbId(input.advisorId, 'Staff');
    if (input.advisorId != null && !advisorId) check.fail(['advisorId'], 'INVALID_ID');
    const parts = this.checkParts(check, input.parts ?? []);
    if (check.failed) return { result: refuse(...check.errors), alternatives: [] };

    let alternatives: SlotView[] = [];
    let shortage: { shortages: PartsShortage[]; advisorId: number; plate: string; slotStart: Date } | null = null;
    const storeId = actor.storeId;
    const result = await this.log.create(em, actor, {
      type: APPOINTMENT,
      storeId,
      build: async (tx, now) => {
        const [customer, vehicle] = await Promise.all([tx.findOne(Customer, { id: customerId!, store: storeId }), tx.findOne(Vehicle, { id: vehicleId!, store: storeId })]);
        if (!customer) check.fail(['customerId'], 'NOT_FOUND', { what: 'Customer' });
        if (!vehicle) check.fail(['vehicleId'], 'NOT_FOUND', { what: 'Vehicle' });
        if (check.failed) return check.errors;

        const dayStart = new Date(now.getTime() - 86_400_000);
        const loaded = await this.loadCapacity(tx, storeId, dayStart, new Date(now.getTime() + 62 * 86_400_000));
        const settings = await this.withPriority(tx, storeId, customer!.id, loaded.settings);
        const place = windowCheck(settings, now, input.slotStart);
        if (place === 'OUTSIDE') return [refusal(E.OUTSIDE_BOOKING_WINDOW, ['input', 'slotStart'], { days: settings.bookingWindowDays })];
        if (place === 'SAME_DAY') return [refusal(E.SAME_DAY_NOT_ALLOWED, ['input', 'slotStart'])];

        const skills = [...new Set(jobs.map((j) => j.skill))];
        const minutes = bookedMinutes(jobs.map((j) => j.standardMinutes), settings.slotMinutes);
        const window = bookableDays(settings, now);
        const day = localDay(settings.timezone, input.slotStart);
        const candidates = freeSlots(settings, loaded.capacity, skills, minutes, day, day, now);
        const slot = candidates.find((s) => s.start.getTime() === input.slotStart.getTime());
        if (!slot) {
          const all = freeSlots(settings, loaded.capacity, skills, minutes, window.first, window.last, now);
          alternatives = nearest(all, input.slotStart, ALTERNATIVES).map((s) => this.view(loaded, s));
          return [refusal(E.SLOT_UNAVAILABLE, ['input', 'slotStart'])];
        }

        const advisor = await this.pickAdvisor(tx, actor, advisorId, settings.timezone, day);
        if ('code' in advisor) return [advisor];

        const appointment = tx.create(Appointment, {
          store: storeId,
          status: S.BOOKED,
          customer: customer!,
          vehicle: vehicle!,
          advisor,
          bay: tx.getReference(Bay, slot.bayId),
          slotStart: slot.start,
          slotEnd: slot.end,
          channel: input.channel,
          initiator: input.initiator,
          purpose: input.purpose,
          customerWords: customerWords!,
          jobs,
          createdAt: now,
          updatedAt: now,
          statusSince: now,
        });
        appointment.technicians.set(slot.technicianIds.map((id) => tx.getReference(Staff, id)));
        await tx.flush();

        // R-APT-4/5: the parts are held with the booking, or the booking is refused with what is short.
        if (parts.length) {
          const port = this.parts();
          if (!port) return [refusal('NOT_FOUND', ['input', 'parts'], { what: 'Part' })];
          const refused = await port.reserve(tx, actor, appointment, parts, vehicle!.model);
          if (refused) {
            if (refused.shortages.length) shortage = { shortages: refused.shortages, advisorId: advisor.id, plate: vehicle!.plate, slotStart: slot.start };
            return refused.refusals;
          }
        }

        // R-APT-8: the vehicle's open carried-over items come along.
        const items = await tx.find(CarriedOverItem, { store: storeId, vehicle: vehicle!.id, resolvedAt: null, appointment: null });
        for (const item of items) item.appointment = tx.getReference(Appointment, appointment.id, { wrapped: true });

        await this.scheduleTasks(tx, storeId, appointment, settings, now);
        return {
          aggregate: appointment,
          facts: [
            {
              kind: AppointmentEventKind.BOOKED,
              data: {
                to: S.BOOKED,
                slotStart: slot.start.toISOString(),
                slotEnd: slot.end.toISOString(),
                channel: input.channel,
                initiator: input.initiator,
                purpose: input.purpose,
                bayId: slot.bayId,
                technicianIds: slot.technicianIds,
                advisorId: advisor.id,
                carriedOverItemIds: items.map((i) => i.id),
              },
            },
          ],
        };
      },
    });
    if (!result.ok && shortage) return { result, alternatives, followUp: await this.followUpShortage(em, actor, customerId!, vehicleId!, shortage) };
    return { result, alternatives };
  }

  private checkParts(check: InputCheck, parts: readonly BookedPart[]): BookedPart[] {
    if (parts.length > MAX_PARTS) check.fail(['parts'], E.TOO_MANY, { max: MAX_PARTS });
    return parts.slice(0, MAX_PARTS).map((p, i) => {
      const partNumber = check.text(['parts', i, 'partNumber'], p.partNumber, { max: 40, required: true });
      check.range(['parts', i, 'quantity'], p.quantity, 1, 999);
      return { partNumber: partNumber ?? '', quantity: p.quantity };
    });
  }

  /**
   * R-APT-5, the one refusal that writes: after a booking refused for a parts shortage, the advisor gets a
   * WAITING task to call the customer when the parts arrive, and the parts department the purchase
   * requests (through the parts module), in one transaction of their own.
   */
  private async followUpShortage(
    em: EntityManager,
    actor: Actor,
    customerId: number,
    vehicleId: number,
    s: { shortages: PartsShortage[]; advisorId: number; plate: string; slotStart: Date },
  ): Promise<BookOutcome['followUp']> {
    let purchaseRequests: object[] = [];
    const created = await this.log.create(em, actor, {
      type: ADVISOR_TASK,
      storeId: actor.storeId,
      build: async (tx, now) => {
        const task = tx.create(AdvisorTask, {
          store: actor.storeId,
          assignee: tx.getReference(Staff, s.advisorId, { wrapped: true }),
          customer: tx.getReference(Customer, customerId, { wrapped: true }),
          vehicle: tx.getReference(Vehicle, vehicleId, { wrapped: true }),
          kind: AdvisorTaskKind.CALL_WHEN_PARTS_ARRIVE,
          status: AdvisorTaskStatus.WAITING,
          dueAt: s.slotStart,
          createdAt: now,
        });
        await tx.flush();
        const requested = await this.parts()!.requestShortage(tx, actor, s.shortages, { customerId, vehicleId, plate: s.plate, slotStart: s.slotStart, taskId: task.id });
        if (!requested.ok) return requested.errors;
        purchaseRequests = requested.value;
        return { aggregate: task, facts: [{ kind: 'OPENED', data: { taskKind: task.kind, status: task.status, assigneeId: s.advisorId, customerId, vehicleId } }] };
      },
    });
    return created.ok ? { task: created.value, purchaseRequests } : undefined;
  }

  /** R-APT-5: what a WAITING task waited for has happened (the parts arrived): it is OPEN and due now. */
  async taskDue(em: EntityManager, actor: Actor, taskId: number, data: Record<string, unknown> = {}): Promise<Result<AdvisorTask>> {
    return this.log.change(em, actor, {
      type: ADVISOR_TASK,
      storeId: actor.storeId,
      load: (tx) => tx.findOne(AdvisorTask, { id: taskId, store: actor.storeId }, { refresh: true }),
      notFound: notFound('AdvisorTask'),
      apply: async (_tx, task, at) => {
        if (task.status !== AdvisorTaskStatus.WAITING) return [refusal(E.TASK_NOT_OPEN, null)];
        task.status = AdvisorTaskStatus.OPEN;
        task.dueAt = at;
        return { kind: 'DUE', data: { taskKind: task.kind, ...data } };
      },
    });
  }

  /** R-APT-2: the named advisor, the booking advisor, else the active advisor with the fewest bookings that day. */
  private async pickAdvisor(tx: EntityManager, actor: Actor, advisorId: number | null, timezone: string, day: string): Promise<Staff | Refusal> {
    const id = advisorId ?? staffIdOf(actor);
    if (id != null) {
      const staff = await tx.findOne(Staff, { id, store: actor.storeId });
      if (staff?.active && staff.hasRole(Role.SERVICE_ADVISOR)) return staff;
      if (advisorId != null) return refusal(E.NOT_AN_ADVISOR, ['input', 'advisorId'], { name: staff?.name ?? String(advisorId) });
    }
    const [row] = await tx.execute<{ id: number }[]>(
      `select s.id from staff s
         left join appointment a on a.advisor_id = s.id and a.status in ('BOOKED', 'CONFIRMED', 'ARRIVED') and a.slot_start >= ? and a.slot_start < ?
        where s.store_id = ? and s.active and 'SERVICE_ADVISOR' = any(s.roles)
        group by s.id order by count(a.id), s.id limit 1`,
      [atLocal(timezone, day, 0), atLocal(timezone, addDays(day, 1), 0), actor.storeId],
    );
    if (!row) return refusal(E.NO_ADVISOR, ['input', 'advisorId']);
    return tx.findOneOrFail(Staff, row.id);
  }

  /** R-APT-6: confirm 30 minutes before, greet 5 minutes before, remind the day before (bookings made more than 3 days ahead). */
  private async scheduleTasks(tx: EntityManager, storeId: number, a: Appointment, settings: CapacitySettings, now: Date): Promise<void> {
    for (const [kind, at] of taskTimes(a.slotStart, settings, now)) {
      await this.queue.schedule(tx, APPOINTMENT_TASK, { storeId, appointmentId: a.id, kind }, { runAt: at, key: taskKey(a.id, kind) });
    }
  }

  // ---- transitions -------------------------------------------------------------------------

  async transition(em: EntityManager, actor: Actor, input: TransitionAppointmentInput): Promise<Result<Appointment>> {
    const check = new InputCheck();
    const reason = check.text(['reason'], input.reason, { max: 500, multiline: true });
    if (check.failed) return refuse(...check.errors);
    const id = dbId(input.id, 'Appointment');
    if (!id) return refuse(notFound('Appointment'));
    return this.log.change(em, actor, {
      type: APPOINTMENT,
      storeId: actor.storeId,
      load: (tx) => tx.findOne(Appointment, { id, store: actor.storeId }, { refresh: true }),
      notFound: notFound('Appointment'),
      expectedVersion: input.expectedVersion,
      apply: (tx, a, at) => this.move(tx, actor, a, input.to, reason, at),
    });
  }

  /** One move along the transitions table, with its effects; the caller holds the store lock and records the fact. */
  private async move(tx: EntityManager, actor: Actor, a: Appointment, to: S, reason: string | null, at: Date): Promise<Refusal[] | Fact[]> {
    const from = a.status;
    const rule = findAppointmentTransition(from, to);
    if (!rule) return [refusal(E.ILLEGAL_TRANSITION, ['input', 'to'], { from, to })];
    if (!actorMayMoveAppointment(rule, actor)) return [refusal(E.TRANSITION_NOT_PERMITTED, ['input', 'to'], { from, to })];
    if (rule.requires.includes('REASON') && !reason) return [refusal(E.REASON_REQUIRED, ['input', 'reason'])];
    if (rule.requires.includes('SLOT_STARTED') && at.getTime() < a.slotStart.getTime()) return [refusal(E.SLOT_NOT_STARTED, ['input', 'to'])];
    a.status = to;
    a.statusSince = at;
    if (to === S.CANCELLED) a.cancelReason = reason;
    if (RELEASES.includes(to)) {
      await this.release(tx, a);
      // R-APT-5: the parts held for the booking go back to stock.
      await this.parts()?.release(tx, actor, a.id);
    }
    if (to === S.CONFIRMED) {
      await tx.nativeUpdate(AdvisorTask, { appointment: a.id, kind: AdvisorTaskKind.CONFIRM_APPOINTMENT, status: AdvisorTaskStatus.OPEN }, { status: AdvisorTaskStatus.DONE, doneAt: at });
      await tx.execute('select graphile_worker.remove_job(?)', [taskKey(a.id, AdvisorTaskKind.CONFIRM_APPOINTMENT)]);
    }
    if (to === S.ARRIVED) {
      // The customer is here: whatever was still open for this visit (confirm, remind, greet) is done, and nothing more comes due.
      await tx.nativeUpdate(AdvisorTask, { appointment: a.id, status: AdvisorTaskStatus.OPEN }, { status: AdvisorTaskStatus.DONE, doneAt: at });
      for (const kind of SCHEDULED_KINDS) await tx.execute('select graphile_worker.remove_job(?)', [taskKey(a.id, kind)]);
    }
    return [{ kind: to, data: { from, to, reason } }];
  }

  /**
   * Reception (R-REC) marks the appointment ARRIVED inside the transaction that opens the work order
   * (the caller holds the store lock): the same transitions table and effects as transitionAppointment.
   * The appointment's version moves on; the fact is recorded against the appointment with `data` added.
   */
  async arriveWithin(tx: EntityManager, actor: Actor, appointment: Appointment, at: Date, data: Record<string, unknown>): Promise<Refusal[] | Fact[]> {
    const outcome = await this.move(tx, actor, appointment, S.ARRIVED, null, at);
    if (outcome.some((o) => !('kind' in o))) return (outcome as Refusal[]).map((r) => ({ ...r, field: ['input', 'appointmentId'] }));
    appointment.version += 1;
    appointment.updatedAt = at;
    return (outcome as Fact[]).map((f) => ({ ...f, aggregate: { type: APPOINTMENT, id: appointment.id }, data: { ...f.data, ...data, version: appointment.version } }));
  }

  /** The customer is no longer expected: open tasks are cancelled, pending jobs removed, carried-over items wait for the next booking. */
  private async release(tx: EntityManager, a: Appointment): Promise<void> {
    await tx.nativeUpdate(AdvisorTask, { appointment: a.id, status: AdvisorTaskStatus.OPEN }, { status: AdvisorTaskStatus.CANCELLED });
    for (const kind of SCHEDULED_KINDS) await tx.execute('select graphile_worker.remove_job(?)', [taskKey(a.id, kind)]);
    await tx.nativeUpdate(CarriedOverItem, { appointment: a.id, resolvedAt: null }, { appointment: null });
  }

  // ---- advisor tasks (R-APT-6) -------------------------------------------------------------

  /** Run by the job queue at the task's time: opens the task on the advisor's list if it is still needed. */
  async openTask(em: EntityManager, actor: Actor, appointmentId: number, kind: ScheduledTaskKind): Promise<Result<AdvisorTask>> {
    return this.log.create(em, actor, {
      type: ADVISOR_TASK,
      storeId: actor.storeId,
      build: async (tx, now) => {
        const a = await tx.findOne(Appointment, { id: appointmentId, store: actor.storeId });
        if (!a) return [notFound('Appointment')];
        const needed = kind === AdvisorTaskKind.CONFIRM_APPOINTMENT ? [S.BOOKED] : [S.BOOKED, S.CONFIRMED];
        if (!needed.includes(a.status)) return [refusal(E.TASK_NOT_NEEDED, null)];
        if (await tx.count(AdvisorTask, { appointment: a.id, kind })) return [refusal(E.TASK_NOT_NEEDED, null)];
        const settings = await this.settings(tx, actor.storeId);
        const dueAt = taskDueAt(kind, a.slotStart, { timezone: await storeTimezone(tx, actor.storeId), openMinutes: parseClock(settings.openTime)! });
        const task = tx.create(AdvisorTask, { store: actor.storeId, assignee: a.advisor, appointment: a, kind, dueAt, createdAt: now });
        await tx.flush();
        return { aggregate: task, facts: [{ kind: 'OPENED', data: { taskKind: kind, appointmentId: a.id, assigneeId: a.advisor.id, dueAt: dueAt.toISOString() } }] };
      },
    });
  }

  async completeTask(em: EntityManager, actor: Actor, input: CompleteTaskInput): Promise<Result<AdvisorTask>> {
    const id = dbId(input.id, 'AdvisorTask');
    if (!id) return refuse(notFound('AdvisorTask'));
    return this.log.change(em, actor, {
      type: ADVISOR_TASK,
      storeId: actor.storeId,
      load: (tx) => tx.findOne(AdvisorTask, { id, store: actor.storeId }, { refresh: true }),
      notFound: notFound('AdvisorTask'),
      expectedVersion: input.expectedVersion,
      apply: async (_tx, task, at) => {
        if (task.status !== AdvisorTaskStatus.OPEN) return [refusal(E.TASK_NOT_OPEN, ['input', 'id'])];
        if (!isManager(actor) && staffIdOf(actor) !== task.assignee.id) return [refusal(E.NOT_YOUR_TASK, ['input', 'id'])];
        task.status = AdvisorTaskStatus.DONE;
        task.doneAt = at;
        return { kind: 'DONE', data: { taskKind: task.kind } };
      },
    });
  }

  async myTasks(em: EntityManager, actor: Actor, page: PageRequest, status: AdvisorTaskStatus[] | null | undefined) {
    const where = { store: actor.storeId, assignee: staffIdOf(actor) ?? 0, status: { $in: status?.length ? status : [AdvisorTaskStatus.OPEN] } };
    const k = keyset(page, 'asc');
    const [rows, total] = await Promise.all([em.find(AdvisorTask, { ...where, ...k.where }, k.options), em.count(AdvisorTask, where)]);
    return toConnection(rows, total, page);
  }

  // ---- carried-over items (R-APT-8) --------------------------------------------------------

  /** Records a fault found but not repaired; attached at once to the vehicle's next open appointment, if any. */
  async recordCarriedOver(em: EntityManager, actor: Actor, input: RecordCarriedOverItemInput): Promise<Result<CarriedOverItem>> {
    const check = new InputCheck();
    const description = check.text(['description'], input.description, { max: 500, required: true });
    const risk = check.text(['risk'], input.risk, { max: 500 });
    const vehicleId = dbId(input.vehicleId, 'Vehicle');
    if (!vehicleId) check.fail(['vehicleId'], 'INVALID_ID');
    if (check.failed) return refuse(...check.errors);
    return this.log.create(em, actor, {
      type: CARRIED_OVER_ITEM,
      storeId: actor.storeId,
      build: async (tx, now) => {
        const vehicle = await tx.findOne(Vehicle, { id: vehicleId!, store: actor.storeId });
        if (!vehicle) return [notFound('Vehicle', ['input', 'vehicleId'])];
        const [next] = await tx.find(Appointment, { store: actor.storeId, vehicle: vehicle.id, status: { $in: [S.BOOKED, S.CONFIRMED] } }, { orderBy: { slotStart: 'asc' }, limit: 1 });
        const item = tx.create(CarriedOverItem, {
          store: actor.storeId,
          vehicle,
          description: description!,
          risk,
          appointment: next ?? null,
          createdBy: staffIdOf(actor) ? tx.getReference(Staff, staffIdOf(actor)!, { wrapped: true }) : null,
          createdAt: now,
        });
        await tx.flush();
        const facts: Fact[] = [{ kind: 'RECORDED', data: { vehicleId: vehicle.id, appointmentId: next?.id ?? null } }];
        if (next) facts.push({ kind: AppointmentEventKind.CARRIED_OVER_ATTACHED, aggregate: { type: APPOINTMENT, id: next.id }, data: { itemId: item.id } });
        return { aggregate: item, facts };
      },
    });
  }

  openCarriedOver(em: EntityManager, storeId: number, vehicleId: number) {
    return em.find(CarriedOverItem, { store: storeId, vehicle: vehicleId, resolvedAt: null }, { orderBy: { id: 'asc' } });
  }

  // ---- reads -------------------------------------------------------------------------------

  findById(em: EntityManager, storeId: number, globalId: string) {
    const id = dbId(globalId, 'Appointment');
    return id ? em.findOne(Appointment, { id, store: storeId }) : Promise.resolve(null);
  }

  async list(em: EntityManager, storeId: number, page: PageRequest, filter?: AppointmentFilter | null) {
    const where: Record<string, unknown> = { store: storeId };
    const slot: Record<string, Date> = {};
    if (filter?.from) slot.$gte = filter.from;
    if (filter?.to) slot.$lt = filter.to;
    if (Object.keys(slot).length) where.slotStart = slot;
    if (filter?.status?.length) where.status = { $in: filter.status };
    if (filter?.advisorId) where.advisor = dbId(filter.advisorId, 'Staff') ?? 0;
    if (filter?.vehicleId) where.vehicle = dbId(filter.vehicleId, 'Vehicle') ?? 0;
    const k = keyset(page, 'asc');
    const [rows, total] = await Promise.all([em.find(Appointment, { ...where, ...k.where }, k.options), em.count(Appointment, where)]);
    return toConnection(rows, total, page);
  }

  /** Whether the actor may read appointments (the front desk, customer service, the foreman). */
  static mayRead(actor: Actor): boolean {
    return actsAs(actor, [Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER, Role.CUSTOMER_SERVICE, Role.FOREMAN]);
  }
}

export function taskKey(appointmentId: number, kind: AdvisorTaskKind): string {
  return `appointment:${appointmentId}:${kind}`;
}

/** The advisor tasks a booking schedules on the job queue (R-APT-6); the other kinds are raised by other modules. */
export const SCHEDULED_KINDS = [AdvisorTaskKind.CONFIRM_APPOINTMENT, AdvisorTaskKind.GREET_CUSTOMER, AdvisorTaskKind.REMIND_CUSTOMER] as const;
export type ScheduledTaskKind = (typeof SCHEDULED_KINDS)[number];

/** When each task of R-APT-6 is due. The reminder: the day before, at opening time. */
export function taskDueAt(kind: ScheduledTaskKind, slotStart: Date, s: { timezone: string; openMinutes: number }): Date {
  switch (kind) {
    case AdvisorTaskKind.CONFIRM_APPOINTMENT:
      return new Date(slotStart.getTime() - CONFIRM_BEFORE_MINUTES * 60_000);
    case AdvisorTaskKind.GREET_CUSTOMER:
      return new Date(slotStart.getTime() - GREET_BEFORE_MINUTES * 60_000);
    case AdvisorTaskKind.REMIND_CUSTOMER:
      return atLocal(s.timezone, addDays(localDay(s.timezone, slotStart), -1), s.openMinutes);
  }
}

/** The tasks a booking made at `now` gets, with their times (R-APT-6). */
export function taskTimes(slotStart: Date, settings: CapacitySettings, now: Date): [ScheduledTaskKind, Date][] {
  const s = { timezone: settings.timezone, openMinutes: settings.openMinutes };
  const out: [ScheduledTaskKind, Date][] = [
    [AdvisorTaskKind.CONFIRM_APPOINTMENT, taskDueAt(AdvisorTaskKind.CONFIRM_APPOINTMENT, slotStart, s)],
    [AdvisorTaskKind.GREET_CUSTOMER, taskDueAt(AdvisorTaskKind.GREET_CUSTOMER, slotStart, s)],
  ];
  if (slotStart.getTime() - now.getTime() > REMIND_IF_BOOKED_DAYS_AHEAD * 86_400_000) out.push([AdvisorTaskKind.REMIND_CUSTOMER, taskDueAt(AdvisorTaskKind.REMIND_CUSTOMER, slotStart, s)]);
  return out;
}
