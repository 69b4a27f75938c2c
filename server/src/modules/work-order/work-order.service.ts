import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventLog, Fact } from '../../events/event-log.js';
import { keyset, toConnection, type PageRequest } from '../../shared/page.js';
import { type Actor, staffIdOf } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { normalizePlate } from '../../shared/plate.js';
import { notFound, ok, refuse, refusal, type Refusal, type Result } from '../../shared/result.js';
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
import { WORK_ORDER } from './work-order-event.js';
import { WorkOrder } from './work-order.entity.js';
import { JobStatus, type JobPayer, WorkOrderEventKind, WorkOrderStatus as S } from './work-order.enums.js';
import type { Skill } from '../staff/roles.js';
import { toGlobalId } from '../../shared/global-id.js';
import { WorkOrderError as E } from './work-order.errors.js';
import {
  ASSIGNABLE,
  actorMayMove,
  actsOnlyAsTechnician,
  DELAYABLE,
  findTransition,
  MAX_TECHNICIANS,
  type MoveContext,
  type TransitionExtensions,
  uncoveredJobs,
} from './work-order.process.js';
import { applyTransition } from './work-order.transition.js';

const MAX_JOBS = 50;
/** A promise further ahead than this is a typo (9999), not a workshop's plan (issue 9 §6). */
export const MAX_PROMISE_DAYS = 180;

/** More checks and writes in the transaction that opens a work order: refusals, or the facts to append. */
export type CreateAlso = (tx: EntityManager, workOrder: WorkOrder, at: Date) => Promise<Refusal[] | Fact[]>;

/** A job another module adds to an order (R-EST-6). */
export interface NewJob {
  title: string;
  skill: Skill;
  standardMinutes: number;
  payer: JobPayer;
}

/** ≥128 bits from a CSPRNG (here 256), URL-safe. */
export function newTrackingToken(): string {
  return randomBytes(32).toString('base64url');
}

export class WorkOrderService {
  constructor(
    private readonly log: EventLog,
    private readonly extensions: TransitionExtensions = { guards: [], effects: [] },
  ) {}

  private get now(): Date {
    return this.log.clock.now();
  }

  /**
   * Opens a work order. `also` lets another module (reception) check and write more in the same
   * transaction, under the same store lock, once the order exists: its refusals roll everything back,
   * its facts are appended after CREATED.
   */
  async create(em: EntityManager, actor: Actor, input: CreateWorkOrderInput, also?: CreateAlso): Promise<Result<WorkOrder>> {
    const storeId = actor.storeId;
    const check = new InputCheck();
    const complaint = check.text(['complaint'], input.complaint, { max: 2000, required: true, multiline: true });
    if (input.promisedAt && input.promisedAt.getTime() < this.now.getTime()) check.fail(['promisedAt'], E.PROMISED_AT_IN_PAST);
    if (input.promisedAt && input.promisedAt.getTime() > this.now.getTime() + MAX_PROMISE_DAYS * 86_400_000) check.fail(['promisedAt'], E.PROMISED_AT_TOO_FAR, { days: MAX_PROMISE_DAYS });
    check.range(['mileageIn'], input.mileageIn, 0, MAX_MILEAGE_KM);
    const jobs = input.jobs ?? [];
    if (jobs.length > MAX_JOBS) check.fail(['jobs'], E.TOO_MANY, { max: MAX_JOBS });
    const jobRows = jobs.slice(0, MAX_JOBS).map((job, i) => {
      const title = check.text(['jobs', i, 'title'], job.title, { max: 120, required: true });
      check.range(['jobs', i, 'standardHours'], job.standardHours, 0.1, 100);
      return { title, skill: job.skill, standardMinutes: Math.round(job.standardHours * 60), payer: job.payer };
    });

    const vehicleId = dbId(input.vehicleId, 'Vehicle');
    const vehicle = vehicleId ? await em.findOne(Vehicle, { id: vehicleId, store: storeId }) : null;
    if (!vehicle) check.fail(['vehicleId'], 'NOT_FOUND', { what: 'Vehicle' });

    let advisorId = staffIdOf(actor);
    if (input.advisorId != null) {
      const id = dbId(input.advisorId, 'Staff');
      const advisor = id ? await em.findOne(Staff, { id, store: storeId, active: true }) : null;
      if (!advisor?.hasRole(Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER)) check.fail(['advisorId'], 'NOT_FOUND', { what: 'Advisor' });
      else advisorId = advisor.id;
    } else if (advisorId == null) check.fail(['advisorId'], 'REQUIRED');
    if (check.failed) return refuse(...check.errors);

    return this.log.create(em, actor, {
      type: WORK_ORDER,
      storeId,
      build: async (tx, now) => {
        const wo = tx.create(WorkOrder, {
          store: storeId,
          number: await this.nextNumber(tx, storeId, now),
          status: S.DRAFT,
          vehicle: vehicle!,
          customer: vehicle!.owner,
          advisor: advisorId!,
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
        const facts: Fact[] = [{ kind: WorkOrderEventKind.CREATED, data: { to: S.DRAFT } }];
        if (also) {
          const more = await also(tx, wo, now);
          if (more.some((m) => !('kind' in m))) return more as Refusal[];
          facts.push(...(more as Fact[]));
        }
        return { aggregate: wo, facts };
      },
    });
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

  async assign(em: EntityManager, actor: Actor, input: AssignWorkOrderInput): Promise<Result<WorkOrder>> {
    const check = new InputCheck();
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

    return this.change(em, actor, input.id, input.expectedVersion, async (tx, wo) => {
      if (!ASSIGNABLE.includes(wo.status)) return [refusal(E.NOT_ASSIGNABLE, ['input', 'id'], { status: wo.status })];
      await Promise.all([wo.jobs.init(), wo.technicians.init()]);
      const bay = bayId ? await tx.findOne(Bay, { id: bayId, store: actor.storeId, active: true }) : null;
      if (bayId && !bay) check.fail(['bayId'], 'NOT_FOUND', { what: 'Bay' });
      if (wo.status === S.IN_PROGRESS) {
        // A car being worked on stays in a bay, and only in a free one.
        if (!bayId) check.fail(['bayId'], 'REQUIRED');
        const busy = bay ? await this.carInProgressAt(tx, actor.storeId, bay.id, wo.id) : null;
        if (busy) check.fail(['bayId'], E.BAY_OCCUPIED, { bay: bay!.name, number: busy.number });
      }
      const ids = [...new Set(technicianIds as number[])];
      const technicians = await tx.find(Staff, { id: { $in: ids }, store: actor.storeId });
      technicianIds.forEach((id, i) => {
        const tech = technicians.find((t) => t.id === id);
        if (!tech || !tech.active || !tech.hasRole(Role.TECHNICIAN)) check.fail(['technicianIds', i], E.NOT_A_TECHNICIAN, { name: tech?.name ?? String(input.technicianIds[i]) });
      });
      if (!check.failed) {
        for (const job of uncoveredJobs(wo.jobs.getItems(), technicians)) check.fail(['technicianIds'], E.SKILL_MISMATCH, { job: job.title, skill: job.skill });
      }
      if (check.failed) return check.errors;

      wo.bay = bay ? tx.getReference(Bay, bay.id, { wrapped: true }) : null;
      wo.technicians.set(technicians);
      return { kind: WorkOrderEventKind.ASSIGNED, data: { to: wo.status, bayId: bay?.id ?? null, technicianIds: ids } };
    });
  }

  async transition(em: EntityManager, actor: Actor, input: TransitionWorkOrderInput): Promise<Result<WorkOrder>> {
    const check = new InputCheck();
    const reason = check.text(['reason'], input.reason, { max: 500, multiline: true });
    if (check.failed) return refuse(...check.errors);

    return this.change(em, actor, input.id, input.expectedVersion, async (tx, wo, at) => {
      const from = wo.status;
      const to = input.to;
      const rule = findTransition(from, to, wo.startedAt != null);
      if (!rule) return [refusal(E.ILLEGAL_TRANSITION, ['input', 'to'], { from, to })];
      if (!actorMayMove(rule, actor)) return [refusal(E.TRANSITION_NOT_PERMITTED, ['input', 'to'], { from, to })];

      if (rule.requires.includes('HOLD_REASON') && !input.holdReason) check.fail(['holdReason'], E.HOLD_REASON_REQUIRED);
      if (!rule.requires.includes('HOLD_REASON') && input.holdReason) check.fail(['holdReason'], E.HOLD_REASON_NOT_APPLICABLE);
      if (rule.requires.includes('REASON') && !reason) check.fail(['reason'], E.REASON_REQUIRED);
      // The crew is read only for the moves that need it (most moves do not).
      if (rule.requires.includes('ASSIGNMENT') || (rule.assignedTechnicianOnly && actsOnlyAsTechnician(rule, actor))) await wo.technicians.init();
      if (rule.requires.includes('ASSIGNMENT')) {
        if (!wo.bay || wo.technicians.length === 0) check.fail(['to'], E.NOT_ASSIGNED);
        else if (to === S.IN_PROGRESS) {
          const busy = await this.carInProgressAt(tx, actor.storeId, wo.bay.id, wo.id);
          if (busy) check.fail(['to'], E.BAY_OCCUPIED, { bay: busy.bay!.getEntity().name, number: busy.number });
        }
      }
      if (rule.assignedTechnicianOnly && actsOnlyAsTechnician(rule, actor) && !wo.technicians.getIdentifiers().includes(staffIdOf(actor) ?? -1)) {
        check.fail(['id'], E.NOT_ASSIGNED_TO_YOU);
      }
      if (check.failed) return check.errors;

      const move: MoveContext = { tx, actor, workOrder: wo, from, to, at };
      for (const guard of this.extensions.guards) {
        if (!guard.applies(from, to)) continue;
        const refused = await guard.check(move);
        if (refused?.length) return refused;
      }

      // The link's lifetime matters only when the order leaves the floor.
      const linkTtlHours = to === S.DELIVERED || to === S.CANCELLED ? (await tx.findOneOrFail(Store, actor.storeId)).trackingLinkTtlHours : 0;
      applyTransition(wo, to, { at, holdReason: input.holdReason, linkTtlHours });
      const facts: Fact[] = [{ kind: WorkOrderEventKind.TRANSITIONED, data: { from, to, reason, holdReason: wo.holdReason } }];
      for (const effect of this.extensions.effects) {
        if (effect.applies(from, to)) facts.push(...((await effect.run(move)) ?? []));
      }
      return facts;
    });
  }

  async reportDelay(em: EntityManager, actor: Actor, input: ReportWorkOrderDelayInput): Promise<Result<WorkOrder>> {
    const check = new InputCheck();
    const reason = check.text(['reason'], input.reason, { max: 200, required: true });
    const remedy = check.text(['remedy'], input.remedy, { max: 200 });
    if (input.promisedAt.getTime() < this.now.getTime()) check.fail(['promisedAt'], E.PROMISED_AT_IN_PAST);
    if (input.promisedAt.getTime() > this.now.getTime() + MAX_PROMISE_DAYS * 86_400_000) check.fail(['promisedAt'], E.PROMISED_AT_TOO_FAR, { days: MAX_PROMISE_DAYS });
    if (check.failed) return refuse(...check.errors);

    return this.change(em, actor, input.id, input.expectedVersion, async (_tx, wo) => {
      if (!DELAYABLE.includes(wo.status)) return [refusal(E.NOT_DELAYABLE, ['input', 'id'], { status: wo.status })];
      const previous = wo.promisedAt?.toISOString() ?? null;
      wo.promisedAt = input.promisedAt;
      wo.delayReason = reason;
      wo.delayRemedy = remedy;
      return { kind: WorkOrderEventKind.DELAYED, data: { to: wo.status, reason, previousPromisedAt: previous, promisedAt: input.promisedAt.toISOString(), remedy } };
    });
  }

  /**
   * R-EST-6: adds jobs to the order (supplemental work, in status WAITING_APPROVAL until the customer
   * decides); one JOBS_ADDED event on the order. Called by the estimate module in its transaction.
   */
  async addJobs(em: EntityManager, actor: Actor, workOrderId: number, jobs: readonly NewJob[], status: JobStatus, data: Record<string, unknown> = {}): Promise<Result<{ workOrder: WorkOrder; jobs: Job[] }>> {
    let added: Job[] = [];
    const result = await this.change(em, actor, toGlobalId(WORK_ORDER, workOrderId), null, async (tx, wo) => {
      await wo.jobs.init();
      if (wo.jobs.length + jobs.length > MAX_JOBS) return [refusal(E.TOO_MANY, ['input', 'lines'], { max: MAX_JOBS })];
      const start = Math.max(-1, ...wo.jobs.getItems().map((j) => j.position)) + 1;
      added = jobs.map((j, i) => tx.create(Job, { ...j, title: j.title.slice(0, 120), status, workOrder: wo, position: start + i }));
      await tx.flush();
      return { kind: WorkOrderEventKind.JOBS_ADDED, data: { to: wo.status, jobIds: added.map((j) => j.id), jobStatus: status, ...data } };
    });
    return result.ok ? ok({ workOrder: result.value, jobs: added }) : result;
  }

  /** R-EST-6: the customer decided: `release` jobs waiting for approval become PENDING, `withdraw` ones are removed; one JOBS_RELEASED event. */
  async releaseJobs(em: EntityManager, actor: Actor, workOrderId: number, release: readonly number[], withdraw: readonly number[], data: Record<string, unknown> = {}): Promise<Result<WorkOrder>> {
    return this.change(em, actor, toGlobalId(WORK_ORDER, workOrderId), null, async (tx, wo) => {
      await wo.jobs.init();
      for (const job of wo.jobs.getItems()) {
        if (job.status !== JobStatus.WAITING_APPROVAL) continue;
        if (release.includes(job.id)) job.status = JobStatus.PENDING;
        else if (withdraw.includes(job.id)) tx.remove(job);
      }
      return { kind: WorkOrderEventKind.JOBS_RELEASED, data: { to: wo.status, released: [...release], withdrawn: [...withdraw], ...data } };
    });
  }

  /** Another order in progress in this bay, if any (a bay holds one car in progress at a time). */
  private carInProgressAt(tx: EntityManager, storeId: number, bayId: number, exceptId: number) {
    return tx.findOne(WorkOrder, { store: storeId, bay: bayId, status: S.IN_PROGRESS, id: { $ne: exceptId } }, { populate: ['bay'] });
  }

  /** Every change of an existing work order goes through the event log's one change path. */
  private change(
    em: EntityManager,
    actor: Actor,
    globalId: string,
    expectedVersion: number | null | undefined,
    apply: (tx: EntityManager, wo: WorkOrder, at: Date) => Promise<Refusal[] | Fact | Fact[]>,
  ): Promise<Result<WorkOrder>> {
    const id = dbId(globalId, 'WorkOrder');
    if (!id) return Promise.resolve(refuse(notFound('WorkOrder')));
    return this.log.change(em, actor, {
      type: WORK_ORDER,
      storeId: actor.storeId,
      // Relations are read by the operations that need them (assign: jobs and crew; some moves: the crew).
      load: (tx) => tx.findOne(WorkOrder, { id, store: actor.storeId }, { refresh: true }),
      notFound: notFound('WorkOrder'),
      expectedVersion,
      apply,
    });
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
