import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffViewer } from '../../graphql/context.js';
import { keyset, toConnection, type PageRequest } from '../../graphql/connection.js';
import { dbId } from '../../graphql/global-id.js';
import { InputCheck } from '../../graphql/input-check.js';
import { ok, refuse, type Result, type UserError, userError } from '../../graphql/user-error.js';
import type { Locale } from '../../i18n/locale.js';
import { normalizePlate } from '../../shared/plate.js';
import { MAX_MILEAGE_KM } from '../vehicle/vehicle.service.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { Bay } from '../store/bay.entity.js';
import { Store } from '../store/store.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import type { AssignWorkOrderInput } from './dto/assign-work-order.input.js';
import type { CreateWorkOrderInput } from './dto/create-work-order.input.js';
import type { ReportWorkOrderDelayInput } from './dto/report-delay.input.js';
import type { TransitionWorkOrderInput } from './dto/transition-work-order.input.js';
import type { WorkOrderFilter } from './dto/work-order-filter.input.js';
import { Job } from './job.entity.js';
import { WorkOrder } from './work-order.entity.js';
import { WorkOrderEventKind, WorkOrderStatus as S } from './work-order.enums.js';
import { WorkOrderError as E } from './work-order.errors.js';
import { type EventFacts, lockStoreForEvent, recordEvent } from './work-order-events.js';
import { actsOnlyAsTechnician, findTransition, roleMayMove } from './work-order.process.js';
import { applyTransition } from './work-order.transition.js';

const MAX_JOBS = 50;
const MAX_TECHNICIANS = 6;
/** Orders that can still be (re)dispatched. */
const ASSIGNABLE: readonly S[] = [S.DRAFT, S.AWAITING_APPROVAL, S.QUEUED, S.ON_HOLD, S.IN_PROGRESS];
const DELAYABLE: readonly S[] = [S.AWAITING_APPROVAL, S.QUEUED, S.IN_PROGRESS, S.ON_HOLD, S.QUALITY_CHECK, S.WASHING];

/** ≥128 bits from a CSPRNG (here 256), URL-safe. */
export function newTrackingToken(): string {
  return randomBytes(32).toString('base64url');
}

export class WorkOrderService {
  async create(em: EntityManager, viewer: StaffViewer, locale: Locale, input: CreateWorkOrderInput): Promise<Result<WorkOrder>> {
    const check = new InputCheck(locale);
    const complaint = check.text(['complaint'], input.complaint, { max: 2000, required: true });
    if (input.promisedAt && input.promisedAt.getTime() < Date.now()) check.fail(['promisedAt'], E.PROMISED_AT_IN_PAST);
    check.range(['mileageIn'], input.mileageIn, 0, MAX_MILEAGE_KM);
    const jobs = input.jobs ?? [];
    if (jobs.length > MAX_JOBS) check.fail(['jobs'], E.TOO_MANY, { max: MAX_JOBS });
    const jobRows = jobs.slice(0, MAX_JOBS).map((job, i) => {
      const title = check.text(['jobs', i, 'title'], job.title, { max: 120, required: true });
      check.range(['jobs', i, 'standardHours'], job.standardHours, 0.1, 100);
      return { title, skill: job.skill, standardMinutes: Math.round(job.standardHours * 60), payer: job.payer };
    });

    const vehicleId = dbId(input.vehicleId, 'Vehicle');
    const vehicle = vehicleId ? await em.findOne(Vehicle, { id: vehicleId, store: viewer.storeId }) : null;
    if (!vehicle) check.fail(['vehicleId'], 'NOT_FOUND', { what: locale === 'zh' ? '车辆' : 'Vehicle' });

    let advisorId = viewer.staffId;
    if (input.advisorId != null) {
      const id = dbId(input.advisorId, 'Staff');
      const advisor = id ? await em.findOne(Staff, { id, store: viewer.storeId, active: true }) : null;
      if (!advisor?.hasRole(Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER)) check.fail(['advisorId'], 'NOT_FOUND', { what: locale === 'zh' ? '服务顾问' : 'Advisor' });
      else advisorId = advisor.id;
    }
    if (check.failed) return refuse(...check.errors);

    const workOrder = await em.transactional(async (tx) => {
      const seq = await lockStoreForEvent(tx, viewer.storeId);
      const now = new Date();
      const wo = tx.create(WorkOrder, {
        store: viewer.storeId,
        number: await this.nextNumber(tx, viewer.storeId, now),
        status: S.DRAFT,
        vehicle: vehicle!,
        customer: vehicle!.owner,
        advisor: advisorId,
        complaint: complaint!,
        promisedAt: input.promisedAt ?? null,
        mileageIn: input.mileageIn ?? null,
        source: input.source,
        customerWaiting: input.customerWaiting ?? false,
        washRequested: input.washRequested ?? true,
        trackingToken: newTrackingToken(),
        createdAt: now,
        updatedAt: now,
        statusSince: now,
      });
      jobRows.forEach((job, position) => tx.create(Job, { ...job, title: job.title!, workOrder: wo, position }));
      if (input.mileageIn != null && (vehicle!.mileageKm ?? 0) < input.mileageIn) vehicle!.mileageKm = input.mileageIn;
      await tx.flush();
      await recordEvent(tx, wo, seq, { kind: WorkOrderEventKind.CREATED, actorId: viewer.staffId, at: now });
      return wo;
    });
    return ok(workOrder);
  }

  /** WO<yyyymmdd>-<n>, one after the day's highest number in the store; race-free because the store event lock is held. */
  private async nextNumber(tx: EntityManager, storeId: number, now: Date): Promise<string> {
    const store = await tx.findOneOrFail(Store, storeId);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: store.timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now).replaceAll('-', '');
    const prefix = `WO${day}-`;
    const [last] = await tx.find(WorkOrder, { store: storeId, number: { $like: `${prefix}%` } }, { orderBy: { number: 'desc' }, limit: 1, fields: ['number'] });
    const next = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
    return `${prefix}${String(next).padStart(4, '0')}`;
  }

  async assign(em: EntityManager, viewer: StaffViewer, locale: Locale, input: AssignWorkOrderInput): Promise<Result<WorkOrder>> {
    const check = new InputCheck(locale);
    const technicianIds = input.technicianIds.map((id, i) => {
      const parsed = dbId(id, 'Staff');
      if (!parsed) check.fail(['technicianIds', i], 'INVALID_ID');
      return parsed;
    });
    if (technicianIds.length === 0) check.fail(['technicianIds'], 'REQUIRED');
    if (technicianIds.length > MAX_TECHNICIANS) check.fail(['technicianIds'], E.TOO_MANY, { max: MAX_TECHNICIANS });
    const bayId = input.bayId == null ? null : dbId(input.bayId, 'Bay');
    if (input.bayId != null && !bayId) check.fail(['bayId'], 'INVALID_ID');
    if (check.failed) return refuse(...check.errors);

    return this.change(em, viewer, locale, input.id, input.expectedVersion, async (tx, wo) => {
      if (!ASSIGNABLE.includes(wo.status)) return [userError(locale, E.NOT_ASSIGNABLE, ['input', 'id'], { status: wo.status })];
      const bay = bayId ? await tx.findOne(Bay, { id: bayId, store: viewer.storeId, active: true }) : null;
      if (bayId && !bay) check.fail(['bayId'], 'NOT_FOUND', { what: locale === 'zh' ? '工位' : 'Bay' });
      if (wo.status === S.IN_PROGRESS) {
        // A car being worked on stays in a bay, and only in a free one.
        if (!bayId) check.fail(['bayId'], 'REQUIRED');
        const busy = bay ? await this.carInProgressAt(tx, viewer.storeId, bay.id, wo.id) : null;
        if (busy) check.fail(['bayId'], E.BAY_OCCUPIED, { bay: bay!.name, number: busy.number });
      }
      const ids = [...new Set(technicianIds as number[])];
      const technicians = await tx.find(Staff, { id: { $in: ids }, store: viewer.storeId });
      technicianIds.forEach((id, i) => {
        const tech = technicians.find((t) => t.id === id);
        if (!tech || !tech.active || !tech.hasRole(Role.TECHNICIAN)) check.fail(['technicianIds', i], E.NOT_A_TECHNICIAN, { name: tech?.name ?? String(input.technicianIds[i]) });
      });
      if (!check.failed) {
        // R-WO-3: every job's skill is covered by at least one assigned technician.
        for (const job of wo.jobs) {
          if (!technicians.some((t) => t.skills.includes(job.skill))) check.fail(['technicianIds'], E.SKILL_MISMATCH, { job: job.title, skill: job.skill });
        }
      }
      if (check.failed) return check.errors;

      wo.bay = bay ? tx.getReference(Bay, bay.id, { wrapped: true }) : null;
      wo.technicians.set(technicians);
      return { kind: WorkOrderEventKind.ASSIGNED, data: { bayId: bay?.id ?? null, technicianIds: ids } };
    });
  }

  async transition(em: EntityManager, viewer: StaffViewer, locale: Locale, input: TransitionWorkOrderInput): Promise<Result<WorkOrder>> {
    const check = new InputCheck(locale);
    const reason = check.text(['reason'], input.reason, { max: 500 });
    if (check.failed) return refuse(...check.errors);

    return this.change(em, viewer, locale, input.id, input.expectedVersion, async (tx, wo) => {
      const from = wo.status;
      const to = input.to;
      const rule = findTransition(from, to, wo.startedAt != null);
      if (!rule) return [userError(locale, E.ILLEGAL_TRANSITION, ['input', 'to'], { from, to })];
      if (!roleMayMove(rule, viewer.roles)) return [userError(locale, E.TRANSITION_NOT_PERMITTED, ['input', 'to'], { from, to })];

      if (rule.requires.includes('HOLD_REASON') && !input.holdReason) check.fail(['holdReason'], E.HOLD_REASON_REQUIRED);
      if (!rule.requires.includes('HOLD_REASON') && input.holdReason) check.fail(['holdReason'], E.HOLD_REASON_NOT_APPLICABLE);
      if (rule.requires.includes('REASON') && !reason) check.fail(['reason'], E.REASON_REQUIRED);
      if (rule.requires.includes('ASSIGNMENT')) {
        if (!wo.bay || wo.technicians.length === 0) check.fail(['to'], E.NOT_ASSIGNED);
        else if (to === S.IN_PROGRESS) {
          const busy = await this.carInProgressAt(tx, viewer.storeId, wo.bay.id, wo.id);
          if (busy) check.fail(['to'], E.BAY_OCCUPIED, { bay: busy.bay!.getEntity().name, number: busy.number });
        }
      }
      if (rule.assignedTechnicianOnly && actsOnlyAsTechnician(rule, viewer.roles) && !wo.technicians.getIdentifiers().includes(viewer.staffId)) {
        check.fail(['id'], E.NOT_ASSIGNED_TO_YOU);
      }
      if (check.failed) return check.errors;

      const now = new Date();
      const store = await tx.findOneOrFail(Store, viewer.storeId);
      applyTransition(wo, to, { at: now, holdReason: input.holdReason, linkTtlHours: store.trackingLinkTtlHours });
      return { kind: WorkOrderEventKind.TRANSITIONED, from, reason, holdReason: wo.holdReason, at: now };
    });
  }

  async reportDelay(em: EntityManager, viewer: StaffViewer, locale: Locale, input: ReportWorkOrderDelayInput): Promise<Result<WorkOrder>> {
    const check = new InputCheck(locale);
    const reason = check.text(['reason'], input.reason, { max: 200, required: true });
    const remedy = check.text(['remedy'], input.remedy, { max: 200 });
    if (input.promisedAt.getTime() < Date.now()) check.fail(['promisedAt'], E.PROMISED_AT_IN_PAST);
    if (check.failed) return refuse(...check.errors);

    return this.change(em, viewer, locale, input.id, input.expectedVersion, async (_tx, wo) => {
      if (!DELAYABLE.includes(wo.status)) return [userError(locale, E.NOT_DELAYABLE, ['input', 'id'], { status: wo.status })];
      const previous = wo.promisedAt?.toISOString() ?? null;
      wo.promisedAt = input.promisedAt;
      wo.delayReason = reason;
      wo.delayRemedy = remedy;
      return { kind: WorkOrderEventKind.DELAYED, reason, data: { previousPromisedAt: previous, promisedAt: input.promisedAt.toISOString(), remedy } };
    });
  }

  /** Another order in progress in this bay, if any (a bay holds one car in progress at a time). */
  private carInProgressAt(tx: EntityManager, storeId: number, bayId: number, exceptId: number) {
    return tx.findOne(WorkOrder, { store: storeId, bay: bayId, status: S.IN_PROGRESS, id: { $ne: exceptId } }, { populate: ['bay'] });
  }

  /**
   * The one path for changing an existing work order: store event lock, load fresh, version check,
   * apply, then record the event — all in one transaction. `apply` returns refusals or the event facts.
   */
  private async change(
    em: EntityManager,
    viewer: StaffViewer,
    locale: Locale,
    globalId: string,
    expectedVersion: number | null | undefined,
    apply: (tx: EntityManager, wo: WorkOrder) => Promise<UserError[] | Omit<EventFacts, 'actorId'>>,
  ): Promise<Result<WorkOrder>> {
    const id = dbId(globalId, 'WorkOrder');
    const notFound = () => refuse<WorkOrder>(userError(locale, 'NOT_FOUND', ['input', 'id'], { what: locale === 'zh' ? '工单' : 'Work order' }));
    if (!id) return notFound();
    try {
      return await em.transactional(async (tx) => {
        const seq = await lockStoreForEvent(tx, viewer.storeId);
        const wo = await tx.findOne(WorkOrder, { id, store: viewer.storeId }, { populate: ['technicians', 'jobs', 'bay'], refresh: true });
        if (!wo) throw new Refusal(notFound());
        if (expectedVersion != null && expectedVersion !== wo.version) {
          throw new Refusal(refuse(userError(locale, E.STALE_VERSION, ['input', 'expectedVersion'], { current: wo.version })));
        }
        const outcome = await apply(tx, wo);
        if (Array.isArray(outcome)) throw new Refusal(refuse(...outcome));
        await recordEvent(tx, wo, seq, { ...outcome, actorId: viewer.staffId });
        return ok(wo);
      });
    } catch (e) {
      if (e instanceof Refusal) return e.result;
      throw e;
    }
  }

  async list(em: EntityManager, storeId: number, page: PageRequest, filter?: WorkOrderFilter | null) {
    const where: Record<string, unknown> = { store: storeId };
    if (filter?.status?.length) where.status = { $in: filter.status };
    if (filter?.vehicleId) where.vehicle = dbId(filter.vehicleId, 'Vehicle') ?? 0;
    if (filter?.customerId) where.customer = dbId(filter.customerId, 'Customer') ?? 0;
    if (filter?.technicianId) where.technicians = dbId(filter.technicianId, 'Staff') ?? 0;
    const search = filter?.search?.trim().slice(0, 40).toUpperCase();
    if (search) where.$or = [{ number: search }, { vehicle: { plate: normalizePlate(search) } }, { vehicle: { vin: search } }];
    // Newest first: keyset on descending id.
    const [rows, total] = await Promise.all([
      em.find(WorkOrder, { ...where, ...keyset(page, 'desc').where }, keyset(page, 'desc').options),
      em.count(WorkOrder, where),
    ]);
    return toConnection(rows, total, page);
  }

  findById(em: EntityManager, storeId: number, globalId: string) {
    const id = dbId(globalId, 'WorkOrder');
    return id ? em.findOne(WorkOrder, { id, store: storeId }) : Promise.resolve(null);
  }
}

/** Rolls the transaction back and carries the refusal out of it. */
class Refusal extends Error {
  constructor(readonly result: Result<WorkOrder>) {
    super('refused');
  }
}
