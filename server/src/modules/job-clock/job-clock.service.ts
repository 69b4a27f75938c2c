import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventLog } from '../../events/event-log.js';
import { actsAs, type Actor } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { notFound, ok, refuse, refusal, type Refusal, type Result } from '../../shared/result.js';
import { MANAGER_ROLES, Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { Job } from '../work-order/job.entity.js';
import { WORK_ORDER } from '../work-order/work-order-event.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { IN_WORKSHOP_STATUSES, JobStatus, WorkOrderEventKind, WorkOrderStatus as S } from '../work-order/work-order.enums.js';
import type { WorkOrderService } from '../work-order/work-order.service.js';
import { ClockAction, type ClockJobInput, type ReportProgressInput } from './dto/job-clock.dto.js';
import { JobClocking, ProgressNote } from './job-clock.entity.js';
import { JobClockError as E } from './job-clock.errors.js';
import { clockedSecondsAt, clockOnVerdict, epochMinutes, hoursOf, secondsBetween } from './job-clock.rules.js';

/** Who reports progress besides the assigned technicians (R-WO-6). */
export const PROGRESS_ROLES = [Role.TECHNICIAN, Role.TEAM_LEADER, Role.FOREMAN, Role.SERVICE_MANAGER] as const;
const PROGRESS_OVERSEERS: readonly Role[] = [Role.TEAM_LEADER, Role.FOREMAN, ...MANAGER_ROLES];
const MAX_NOTE = 500;

const clockingLoaders = new WeakMap<EntityManager, DataLoader<number, JobClocking[]>>();
const noteLoaders = new WeakMap<EntityManager, DataLoader<number, ProgressNote[]>>();

/** The other modules' services the job clock calls. */
export interface JobClockPorts {
  workOrders: WorkOrderService;
}

class Refused extends Error {
  constructor(readonly refusals: Refusal[]) {
    super('refused');
  }
}

export class JobClockService {
  constructor(
    private readonly log: EventLog,
    private readonly ports: () => JobClockPorts,
  ) {}

  /** Several changes in one transaction (nested EventLog.change calls run as savepoints); the first refusal rolls back all. */
  private async inOne<T>(em: EntityManager, work: (tx: EntityManager) => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await em.transactional(async (tx) => {
        const result = await work(tx);
        if (!result.ok) throw new Refused(result.errors);
        return result;
      });
    } catch (e) {
      if (e instanceof Refused) return refuse(...e.refusals);
      throw e;
    }
  }

  /**
   * R-WO-4: clocks the technician on or off a job. ON the first job of a QUEUED order starts the order
   * (→ IN_PROGRESS through the transitions table, guards included) in the same transaction; OFF with
   * `finished` marks the job DONE. Everything runs under the store lock, so a technician's two ONs at
   * once are serialised: the second sees the first's open clocking and is refused.
   */
  async clock(em: EntityManager, actor: Actor, input: ClockJobInput): Promise<Result<Job>> {
    if (actor.kind !== 'staff' || !actor.roles.includes(Role.TECHNICIAN)) return refuse(refusal(E.NOT_A_TECHNICIAN, ['input', 'jobId']));
    const storeId = actor.storeId;
    const staffId = actor.staffId;
    const jobId = dbId(input.jobId, 'Job');
    if (!jobId) return refuse(notFound('Job', ['input', 'jobId']));
    if (input.finished && input.action === ClockAction.ON) return refuse(refusal(E.FINISHED_ONLY_WITH_OFF, ['input', 'finished']));

    return this.inOne(em, async (tx) => {
      // The store lock first: every read below sees the latest state, and clockings of one store are serialised.
      await tx.execute('select id from store where id = ? for update', [storeId]);
      const job = await tx.findOne(Job, { id: jobId, workOrder: { store: storeId } }, { populate: ['workOrder', 'workOrder.technicians'], refresh: true });
      if (!job) return refuse(notFound('Job', ['input', 'jobId']));
      const wo = job.workOrder.getEntity();
      if (!wo.technicians.getIdentifiers<number>().includes(staffId)) return refuse(refusal(E.NOT_ON_CREW, ['input', 'jobId']));
      const open = await tx.findOne(JobClocking, { technician: staffId, end: null }, { populate: ['job', 'workOrder'] });

      if (input.action === ClockAction.ON) {
        const verdict = clockOnVerdict({
          orderStatus: wo.status,
          jobStatus: job.status,
          jobTitle: job.title,
          open: open ? { jobTitle: open.job.getEntity().title, orderNumber: open.workOrder.getEntity().number } : null,
        });
        if (verdict) return refuse(refusal(verdict.code, ['input', 'jobId'], verdict.params));
        if (wo.status === S.QUEUED) {
          const moved = await this.ports().workOrders.transition(tx, actor, { id: wo.globalId, to: S.IN_PROGRESS });
          if (!moved.ok) return moved;
        }
      } else {
        if (!open || open.job.id !== jobId) return refuse(refusal(E.NOT_CLOCKED_ON, ['input', 'jobId']));
        if (input.finished) {
          const others = await tx.find(JobClocking, { job: jobId, end: null, technician: { $ne: staffId } }, { populate: ['technician'] });
          if (others.length) return refuse(refusal(E.JOB_STILL_CLOCKED, ['input', 'finished'], { names: others.map((c) => c.technician.getEntity().name).join('、') }));
        }
      }

      let changedJob: Job | null = null;
      const changed = await this.log.change(tx, actor, {
        type: WORK_ORDER,
        storeId,
        load: (t) => t.findOne(WorkOrder, { id: wo.id, store: storeId }, { refresh: true }),
        notFound: notFound('WorkOrder', ['input', 'jobId']),
        apply: async (t, order, at) => {
          const j = await t.findOneOrFail(Job, jobId, { refresh: true });
          changedJob = j;
          if (input.action === ClockAction.ON) {
            const clocking = t.create(JobClocking, { store: storeId, workOrder: order, job: j, technician: t.getReference(Staff, staffId, { wrapped: true }), start: at });
            if (j.status === JobStatus.PENDING) j.status = JobStatus.IN_PROGRESS;
            j.openClockings += 1;
            j.openSinceMinutes += epochMinutes(at);
            await t.flush();
            return { kind: WorkOrderEventKind.CLOCKED_ON, data: { to: order.status, jobId, technicianId: staffId, clockingId: clocking.id } };
          }
          const clocking = await t.findOneOrFail(JobClocking, open!.id, { refresh: true });
          clocking.end = at;
          const seconds = secondsBetween(clocking.start, at);
          j.clockedSeconds += seconds;
          j.openClockings -= 1;
          j.openSinceMinutes -= epochMinutes(clocking.start);
          if (input.finished) j.status = JobStatus.DONE;
          return { kind: WorkOrderEventKind.CLOCKED_OFF, data: { to: order.status, jobId, technicianId: staffId, clockingId: clocking.id, seconds, finished: input.finished === true } };
        },
      });
      return changed.ok ? ok(changedJob!) : changed;
    });
  }

  /** R-WO-6: appends a progress note; the card's STALE timer starts again from it. */
  async reportProgress(em: EntityManager, actor: Actor, input: ReportProgressInput): Promise<Result<WorkOrder>> {
    if (actor.kind !== 'staff') return refuse(refusal(E.PROGRESS_NOT_PERMITTED, ['input', 'workOrderId']));
    const staffId = actor.staffId;
    const check = new InputCheck();
    const note = check.text(['note'], input.note, { max: MAX_NOTE, required: true, multiline: true });
    if (input.percent == null) check.fail(['percent'], 'REQUIRED');
    else if (!Number.isInteger(input.percent) || input.percent < 0 || input.percent > 100) check.fail(['percent'], 'OUT_OF_RANGE', { min: 0, max: 100 });
    const workOrderId = dbId(input.workOrderId, 'WorkOrder');
    if (!workOrderId) return refuse(notFound('WorkOrder', ['input', 'workOrderId']));
    if (check.failed) return refuse(...check.errors);
    const overseer = actsAs(actor, PROGRESS_OVERSEERS);

    return this.log.change(em, actor, {
      type: WORK_ORDER,
      storeId: actor.storeId,
      load: (tx) => tx.findOne(WorkOrder, { id: workOrderId, store: actor.storeId }, { refresh: true }),
      notFound: notFound('WorkOrder', ['input', 'workOrderId']),
      apply: async (tx, wo, at) => {
        if (!overseer) {
          await wo.technicians.init();
          if (!wo.technicians.getIdentifiers<number>().includes(staffId)) return [refusal(E.PROGRESS_NOT_PERMITTED, ['input', 'workOrderId'])];
        }
        if (!IN_WORKSHOP_STATUSES.includes(wo.status)) return [refusal(E.ORDER_NOT_IN_WORKSHOP, ['input', 'workOrderId'], { status: wo.status })];
        const row = tx.create(ProgressNote, { store: actor.storeId, workOrder: wo, note: note!, percent: input.percent!, at, by: tx.getReference(Staff, staffId, { wrapped: true }) });
        wo.progressPercent = input.percent!;
        wo.lastProgressAt = at;
        wo.lastProgressNote = note;
        await tx.flush();
        return { kind: WorkOrderEventKind.PROGRESS_REPORTED, data: { to: wo.status, percent: input.percent!, progressNoteId: row.id } };
      },
    });
  }

  /** R-WO-4: hours worked on a job by now (the service's clock), open clockings running, 2 decimals. */
  actualHours(job: Job): number {
    return hoursOf(clockedSecondsAt([job], this.log.clock.now()));
  }

  /** A job's clockings, oldest first (batched per request). */
  clockingsOf(em: EntityManager, jobId: number): Promise<JobClocking[]> {
    let loader = clockingLoaders.get(em);
    if (!loader) {
      loader = new DataLoader<number, JobClocking[]>(async (ids) => {
        const rows = await em.find(JobClocking, { job: { $in: [...ids] } }, { orderBy: { start: 'asc', id: 'asc' } });
        return ids.map((id) => rows.filter((r) => r.job.id === id));
      });
      clockingLoaders.set(em, loader);
    }
    return loader.load(jobId);
  }

  /** A work order's progress notes, oldest first (batched per request). */
  notesOf(em: EntityManager, workOrderId: number): Promise<ProgressNote[]> {
    let loader = noteLoaders.get(em);
    if (!loader) {
      loader = new DataLoader<number, ProgressNote[]>(async (ids) => {
        const rows = await em.find(ProgressNote, { workOrder: { $in: [...ids] } }, { orderBy: { at: 'asc', id: 'asc' } });
        return ids.map((id) => rows.filter((r) => r.workOrder.id === id));
      });
      noteLoaders.set(em, loader);
    }
    return loader.load(workOrderId);
  }
}
