import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventLog, Fact } from '../../events/event-log.js';
import { type Actor, staffIdOf } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { notFound, ok, refuse, refusal, type Refusal, type Result } from '../../shared/result.js';
import { Appointment } from '../appointment/appointment.entity.js';
import { AppointmentStatus } from '../appointment/appointment.enums.js';
import type { AppointmentService } from '../appointment/appointment.service.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import type { CreateWorkOrderInput, JobInput } from '../work-order/dto/create-work-order.input.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { MAX_MILEAGE_KM } from '../vehicle/vehicle.service.js';
import { WORK_ORDER } from '../work-order/work-order-event.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { JobPayer, WorkOrderEventKind, WorkOrderSource, WorkOrderStatus as S } from '../work-order/work-order.enums.js';
import type { WorkOrderService } from '../work-order/work-order.service.js';
import type { Upload } from '../upload/upload.entity.js';
import { UploadPurpose } from '../upload/upload.enums.js';
import type { UploadService } from '../upload/upload.service.js';
import type { ReceiveVehicleInput } from './dto/receive-vehicle.input.js';
import type { UpdateReceptionSettingsInput } from './dto/reception-settings.dto.js';
import type { RecordWalkAroundInput } from './dto/walk-around.dto.js';
import { WalkAround, WalkAroundDamage } from './walk-around.entity.js';
import { DEFAULT_GREET_WITHIN_SECONDS, Reception, ReceptionSettings } from './reception.entity.js';
import { IdentityDocument } from './reception.enums.js';
import { ReceptionError as E } from './reception.errors.js';

/** Who receives cars and records walk-arounds (managers and ADMIN pass every role check). */
export const RECEPTION_ROLES = [Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER] as const;
/** Appointments a customer can be received for. */
export const RECEIVABLE: readonly AppointmentStatus[] = [AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED];
/** R-REC-1: an arrival is recorded the same day, not days later from memory. */
export const MAX_ARRIVAL_AGE_HOURS = 24;
const receptionLoaders = new WeakMap<EntityManager, DataLoader<number, Reception | null>>();
const walkAroundLoaders = new WeakMap<EntityManager, DataLoader<number, WalkAround | null>>();
const MAX_DAMAGES = 50;
const MAX_PHOTOS = 10;
/** Devices' clocks differ a little from the server's. */
const CLOCK_TOLERANCE_MS = 5 * 60_000;

/** The other modules' services reception calls (work orders, appointments, uploads). */
export interface ReceptionPorts {
  workOrders: WorkOrderService;
  appointments: AppointmentService;
  uploads: UploadService;
}

export class ReceptionService {
  constructor(
    private readonly log: EventLog,
    private readonly ports: () => ReceptionPorts,
  ) {}

  private get workOrders(): WorkOrderService {
    return this.ports().workOrders;
  }

  private get appointments(): AppointmentService {
    return this.ports().appointments;
  }

  private get now(): Date {
    return this.log.clock.now();
  }

  // ---- settings (R-REC-1) ------------------------------------------------------------------

  async settings(em: EntityManager, storeId: number): Promise<ReceptionSettings> {
    return (await em.findOne(ReceptionSettings, { store: storeId })) ?? em.create(ReceptionSettings, { store: storeId, greetWithinSeconds: DEFAULT_GREET_WITHIN_SECONDS }, { persist: false });
  }

  async updateSettings(em: EntityManager, actor: Actor, input: UpdateReceptionSettingsInput): Promise<Result<ReceptionSettings>> {
    const check = new InputCheck();
    check.range(['greetWithinSeconds'], input.greetWithinSeconds, 10, 3600);
    if (check.failed) return refuse(...check.errors);
    return this.log.change(em, actor, {
      type: 'ReceptionSettings',
      storeId: actor.storeId,
      load: async (tx) => {
        const found = await tx.findOne(ReceptionSettings, { store: actor.storeId }, { refresh: true });
        if (found) return found;
        const created = tx.create(ReceptionSettings, { store: actor.storeId });
        await tx.flush();
        return created;
      },
      notFound: notFound('ReceptionSettings'),
      expectedVersion: input.expectedVersion,
      apply: async (_tx, s) => {
        if (input.greetWithinSeconds != null) s.greetWithinSeconds = input.greetWithinSeconds;
        return { kind: 'UPDATED', data: { greetWithinSeconds: s.greetWithinSeconds } };
      },
    });
  }

  // ---- reception (R-REC-1/2/4, R-APT-8) ----------------------------------------------------

  /**
   * Receives a car: opens its work order through WorkOrderService and, in the same transaction, records
   * the reception, marks the appointment ARRIVED (its transitions table) and brings the vehicle's open
   * carried-over items along. Nothing is written when anything is refused.
   */
  async receive(em: EntityManager, actor: Actor, input: ReceiveVehicleInput): Promise<Result<WorkOrder>> {
    const storeId = actor.storeId;
    const now = this.now;
    const check = new InputCheck();
    if (input.greetedAt.getTime() < input.arrivedAt.getTime()) check.fail(['greetedAt'], E.GREETED_BEFORE_ARRIVAL);
    if (input.arrivedAt.getTime() > now.getTime() + CLOCK_TOLERANCE_MS) check.fail(['arrivedAt'], E.RECEPTION_TIME_IN_FUTURE);
    if (input.greetedAt.getTime() > now.getTime() + CLOCK_TOLERANCE_MS) check.fail(['greetedAt'], E.RECEPTION_TIME_IN_FUTURE);
    if (input.arrivedAt.getTime() < now.getTime() - MAX_ARRIVAL_AGE_HOURS * 3_600_000) check.fail(['arrivedAt'], E.RECEPTION_TIME_TOO_OLD, { hours: MAX_ARRIVAL_AGE_HOURS });
    const identityNote = check.text(['identityNote'], input.identityNote, { max: 200 });
    if (input.identityDocument === IdentityDocument.OTHER && !identityNote && !check.failed) check.fail(['identityNote'], E.IDENTITY_NOTE_REQUIRED);
    const advisorNotes = check.text(['advisorNotes'], input.advisorNotes, { max: 2000, multiline: true });
    const appointmentId = input.appointmentId == null ? null : dbId(input.appointmentId, 'Appointment');
    if (input.appointmentId != null && !appointmentId) check.fail(['appointmentId'], 'INVALID_ID');
    if (check.failed) return refuse(...check.errors);

    // The appointment's jobs and advisor are read here (a booking's jobs never change); its status and
    // vehicle are checked again under the store lock.
    const booked = appointmentId ? await em.findOne(Appointment, { id: appointmentId, store: storeId }) : null;
    if (appointmentId && !booked) return refuse(notFound('Appointment', ['input', 'appointmentId']));
    const jobs: JobInput[] = [
      ...(booked?.jobs ?? []).map((j) => ({ title: j.title, skill: j.skill, standardHours: j.standardMinutes / 60, payer: JobPayer.CUSTOMER })),
      ...(input.jobs ?? []),
    ];
    let advisorId = input.advisorId ?? null;
    if (advisorId == null && booked) {
      const advisor = await em.findOne(Staff, { id: booked.advisor.id, store: storeId });
      if (advisor?.active && advisor.hasRole(Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER)) advisorId = advisor.globalId;
    }

    const create: CreateWorkOrderInput = {
      vehicleId: input.vehicleId,
      complaint: input.complaint,
      promisedAt: input.promisedAt ?? null,
      jobs,
      advisorId,
      mileageIn: input.mileageIn,
      source: booked ? WorkOrderSource.APPOINTMENT : WorkOrderSource.WALK_IN,
      customerWaiting: input.customerWaiting ?? false,
      washRequested: input.washRequested ?? true,
    };
    return this.workOrders.create(em, actor, create, async (tx, wo, at): Promise<Refusal[] | Fact[]> => {
      // The order has raised the vehicle's mileage to mileageIn if it was lower; higher means going backwards.
      const [vehicle] = await tx.execute<{ mileage_km: number | null }[]>('select mileage_km from vehicle where id = ?', [wo.vehicle.id]);
      if (vehicle.mileage_km != null && vehicle.mileage_km > input.mileageIn) return [refusal(E.MILEAGE_BELOW_RECORDED, ['input', 'mileageIn'], { recorded: vehicle.mileage_km })];

      let appointment: Appointment | null = null;
      const facts: Fact[] = [];
      if (appointmentId) {
        appointment = await tx.findOne(Appointment, { id: appointmentId, store: storeId }, { refresh: true });
        if (!appointment) return [notFound('Appointment', ['input', 'appointmentId'])];
        if (appointment.vehicle.id !== wo.vehicle.id) return [refusal(E.APPOINTMENT_OF_ANOTHER_VEHICLE, ['input', 'appointmentId'])];
        if (!RECEIVABLE.includes(appointment.status)) return [refusal(E.APPOINTMENT_NOT_OPEN, ['input', 'appointmentId'], { status: appointment.status })];
        const arrived = await this.appointments.arriveWithin(tx, actor, appointment, at, { workOrderId: wo.id });
        if (arrived.some((f) => !('kind' in f))) return arrived;
        facts.push(...(arrived as Fact[]));
      }

      const settings = await this.settings(tx, storeId);
      const items = await this.appointments.openCarriedOver(tx, storeId, wo.vehicle.id);
      const staffId = staffIdOf(actor);
      const reception = tx.create(Reception, {
        store: storeId,
        workOrder: wo,
        appointment,
        arrivedAt: input.arrivedAt,
        greetedAt: input.greetedAt,
        greetWithinSeconds: settings.greetWithinSeconds,
        identityDocument: input.identityDocument,
        identityNote,
        advisorNotes,
        receivedBy: staffId ? tx.getReference(Staff, staffId, { wrapped: true }) : null,
        createdAt: at,
      });
      reception.carriedOverItems.set(items);
      await tx.flush();
      return [
        {
          kind: WorkOrderEventKind.RECEIVED,
          data: {
            to: S.DRAFT,
            appointmentId: appointment?.id ?? null,
            arrivedAt: input.arrivedAt.toISOString(),
            greetedAt: input.greetedAt.toISOString(),
            greetingDelaySeconds: reception.greetingDelaySeconds,
            greetingLate: reception.greetingLate,
            identityDocument: input.identityDocument,
            mileageIn: input.mileageIn,
            carriedOverItemIds: items.map((i) => i.id),
          },
        },
        ...facts,
      ];
    });
  }

  // ---- walk-around (R-REC-3) ---------------------------------------------------------------

  /**
   * Records the walk-around sheet the customer signed, or their signed refusal of it, on a DRAFT work
   * order: one per order (a second is refused with WALK_AROUND_EXISTS: a signed sheet is not replaced).
   * A change of the work order through the log (its version moves on, WALK_AROUND_RECORDED in its timeline).
   */
  async recordWalkAround(em: EntityManager, actor: Actor, input: RecordWalkAroundInput): Promise<Result<WalkAround>> {
    const storeId = actor.storeId;
    const check = new InputCheck();
    const declineReason = check.text(['declineReason'], input.declineReason, { max: 500, multiline: true });
    const interiorNotes = check.text(['interiorNotes'], input.interiorNotes, { max: 2000, multiline: true });
    const tyreNotes = check.text(['tyreNotes'], input.tyreNotes, { max: 2000, multiline: true });
    const damages = input.damages ?? [];
    if (input.declined) {
      if (!declineReason && !check.errors.some((e) => e.field?.[1] === 'declineReason')) check.fail(['declineReason'], E.DECLINE_REASON_REQUIRED);
      if (damages.length) check.fail(['damages'], E.DAMAGES_ON_DECLINED);
    } else {
      if (declineReason) check.fail(['declineReason'], E.DECLINE_REASON_NOT_APPLICABLE);
      for (const field of ['mileage', 'fuelLevelPercent', 'coversFitted', 'valuablesReminded'] as const) if (input[field] == null) check.fail([field], 'REQUIRED');
    }
    check.range(['mileage'], input.mileage, 0, MAX_MILEAGE_KM);
    check.range(['fuelLevelPercent'], input.fuelLevelPercent, 0, 100);
    if (damages.length > MAX_DAMAGES) check.fail(['damages'], E.TOO_MANY, { max: MAX_DAMAGES });
    const rows = damages.slice(0, MAX_DAMAGES).map((d, i) => {
      check.range(['damages', i, 'sizeCm'], d.sizeCm, 0.1, 500);
      const note = check.text(['damages', i, 'note'], d.note, { max: 500 });
      if (d.photoIds.length === 0) check.fail(['damages', i, 'photoIds'], 'REQUIRED');
      if (d.photoIds.length > MAX_PHOTOS) check.fail(['damages', i, 'photoIds'], E.TOO_MANY, { max: MAX_PHOTOS });
      const photoIds = d.photoIds.slice(0, MAX_PHOTOS).map((id, k) => {
        const parsed = dbId(id, 'Upload');
        if (!parsed) check.fail(['damages', i, 'photoIds', k], 'INVALID_ID');
        return parsed ?? 0;
      });
      return { area: d.area, kind: d.kind, sizeCm: d.sizeCm, note, photoIds };
    });
    const signatureId = input.customerSignatureId ? dbId(input.customerSignatureId, 'Upload') : null;
    if (!input.customerSignatureId?.trim()) check.fail(['customerSignatureId'], E.SIGNATURE_REQUIRED);
    else if (!signatureId) check.fail(['customerSignatureId'], 'INVALID_ID');
    const workOrderId = dbId(input.workOrderId, 'WorkOrder');
    if (!workOrderId) return refuse(notFound('WorkOrder', ['input', 'workOrderId']));
    if (check.failed) return refuse(...check.errors);

    let recorded: WalkAround | null = null;
    const result = await this.log.change(em, actor, {
      type: WORK_ORDER,
      storeId,
      load: (tx) => tx.findOne(WorkOrder, { id: workOrderId, store: storeId }, { refresh: true }),
      notFound: notFound('WorkOrder', ['input', 'workOrderId']),
      expectedVersion: input.expectedVersion,
      apply: async (tx, wo, at) => {
        if (wo.status !== S.DRAFT) return [refusal(E.WORK_ORDER_NOT_DRAFT, ['input', 'workOrderId'], { status: wo.status })];
        if (await tx.count(WalkAround, { workOrder: wo.id })) return [refusal(E.WALK_AROUND_EXISTS, ['input', 'workOrderId'])];
        const uploads = await this.checkUploads(tx, storeId, signatureId!, rows.map((r) => r.photoIds));
        if (Array.isArray(uploads)) return uploads;
        if (input.mileage != null) {
          const vehicle = await tx.findOneOrFail(Vehicle, wo.vehicle.id, { refresh: true });
          if ((vehicle.mileageKm ?? 0) > input.mileage) return [refusal(E.MILEAGE_BELOW_RECORDED, ['input', 'mileage'], { recorded: vehicle.mileageKm! })];
          vehicle.mileageKm = input.mileage;
          wo.mileageIn ??= input.mileage;
        }
        const staffId = staffIdOf(actor);
        const walkAround = tx.create(WalkAround, {
          store: storeId,
          workOrder: wo,
          declined: input.declined,
          declineReason: input.declined ? declineReason : null,
          mileage: input.mileage ?? null,
          fuelLevelPercent: input.fuelLevelPercent ?? null,
          coversFitted: input.coversFitted ?? null,
          valuablesReminded: input.valuablesReminded ?? null,
          interiorNotes,
          tyreNotes,
          signature: uploads.signature,
          signedAt: at,
          recordedBy: staffId ? tx.getReference(Staff, staffId, { wrapped: true }) : null,
          createdAt: at,
        });
        rows.forEach((row, position) => {
          const damage = tx.create(WalkAroundDamage, { area: row.area, kind: row.kind, sizeCm: row.sizeCm, note: row.note, walkAround, position });
          damage.photos.set(uploads.photos[position]);
        });
        await tx.flush();
        recorded = walkAround;
        return {
          kind: WorkOrderEventKind.WALK_AROUND_RECORDED,
          data: { to: wo.status, walkAroundId: walkAround.id, declined: input.declined, declineReason: walkAround.declineReason ?? null, damages: rows.length, mileage: walkAround.mileage ?? null, signatureId },
        };
      },
    });
    return result.ok ? ok(recorded!) : refuse(...result.errors);
  }

  /** The signature and the damage photos must be received uploads of this store with the right purpose (the upload module decides). */
  private async checkUploads(tx: EntityManager, storeId: number, signatureId: number, photoIds: number[][]): Promise<{ signature: Upload; photos: Upload[][] } | Refusal[]> {
    const { uploads } = this.ports();
    const errors: Refusal[] = [];
    const signature = await uploads.requireReady(tx, storeId, [signatureId], [UploadPurpose.SIGNATURE], ['input', 'customerSignatureId']);
    if (!signature.ok) errors.push(...signature.errors);
    const photos: Upload[][] = [];
    for (const [i, ids] of photoIds.entries()) {
      const found = await uploads.requireReady(tx, storeId, ids, [UploadPurpose.WALK_AROUND_PHOTO], ['input', 'damages', String(i), 'photoIds']);
      if (found.ok) photos.push(found.value);
      else errors.push(...found.errors);
    }
    return errors.length || !signature.ok ? errors : { signature: signature.value[0], photos };
  }

  /** The walk-around of a work order, if recorded; calls made while resolving one response are batched. */
  walkAroundOf(em: EntityManager, workOrderId: number): Promise<WalkAround | null> {
    let loader = walkAroundLoaders.get(em);
    if (!loader) {
      loader = new DataLoader<number, WalkAround | null>(async (ids) => {
        const rows = await em.find(WalkAround, { workOrder: { $in: [...ids] } });
        return ids.map((id) => rows.find((r) => r.workOrder.id === id) ?? null);
      });
      walkAroundLoaders.set(em, loader);
    }
    return loader.load(workOrderId);
  }

  // ---- reads -------------------------------------------------------------------------------

  /** The reception of a work order (null for orders opened otherwise); calls made while resolving one response are batched. */
  receptionOf(em: EntityManager, workOrderId: number): Promise<Reception | null> {
    let loader = receptionLoaders.get(em);
    if (!loader) {
      loader = new DataLoader<number, Reception | null>(async (ids) => {
        const rows = await em.find(Reception, { workOrder: { $in: [...ids] } });
        return ids.map((id) => rows.find((r) => r.workOrder.id === id) ?? null);
      });
      receptionLoaders.set(em, loader);
    }
    return loader.load(workOrderId);
  }
}
