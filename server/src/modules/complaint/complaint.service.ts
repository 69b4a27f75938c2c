import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import type { EventLog, Fact } from '../../events/event-log.js';
import type { JobQueue } from '../../events/job-queue.js';
import type { Actor, StaffActor } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { keyset, toConnection, type PageRequest } from '../../shared/page.js';
import { notFound, ok, refuse, refusal, type Refusal, type Result } from '../../shared/result.js';
import { audit } from '../audit/audit.js';
import { Customer } from '../customer/customer.entity.js';
import { ValueClass } from '../customer/customer-type.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { Complaint, ComplaintSettings } from './complaint.entity.js';
import { ComplaintEventKind as K, ComplaintSeverity, ComplaintStatus as S } from './complaint.enums.js';
import { actorMayMoveComplaint, findComplaintTransition, UNRESOLVED } from './complaint.process.js';
import type { ComplaintFilter, FileComplaintInput, TransitionComplaintInput, UpdateComplaintSettingsInput } from './dto/complaint.dto.js';
import './complaint.errors.js';

export const COMPLAINT = 'Complaint';
export const COMPLAINT_DEADLINE_TASK = 'complaint.deadline';
export type ComplaintDeadline = 'RESPONSE' | 'REPORT' | 'RECALL';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const taskKey = (id: number, which: ComplaintDeadline) => `complaint:${id}:${which}`;

/**
 * Complaints (R-FU-3): filed with the customer's exact words; owned by the filer, or by a service
 * manager for A-class customers; MAJOR ones go to the store management at once. Deadlines run on the
 * job queue: a missed first response escalates to the service manager, a complaint unresolved after
 * the report deadline is reported, a resolution not confirmed by the re-callback in time too. Every
 * step is an event of the log, which is the complaint's history.
 */
export class ComplaintService {
  constructor(
    private readonly log: EventLog,
    private readonly queue: JobQueue,
  ) {}

  async file(em: EntityManager, actor: StaffActor, input: FileComplaintInput): Promise<Result<Complaint>> {
    const check = new InputCheck();
    const words = check.text(['words'], input.words, { max: 2000, required: true, multiline: true });
    const customerId = dbId(input.customerId, 'Customer');
    if (!customerId) check.fail(['customerId'], 'INVALID_ID');
    const workOrderId = input.workOrderId == null ? null : dbId(input.workOrderId, 'WorkOrder');
    if (input.workOrderId != null && !workOrderId) check.fail(['workOrderId'], 'INVALID_ID');
    if (check.failed) return refuse(...check.errors);
    const storeId = actor.storeId;
    return this.log.create(em, actor, {
      type: COMPLAINT,
      storeId,
      build: async (tx, at) => {
        const customer = await tx.findOne(Customer, { id: customerId!, store: storeId });
        if (!customer) return [notFound('Customer', ['input', 'customerId'])];
        if (workOrderId) {
          const wo = await tx.findOne(WorkOrder, { id: workOrderId, store: storeId }, { fields: ['customer'] });
          if (!wo) return [notFound('WorkOrder', ['input', 'workOrderId'])];
          if (wo.customer.id !== customer.id) return [refusal('WORK_ORDER_NOT_OF_CUSTOMER', ['input', 'workOrderId'])];
        }
        const settings = await this.settings(tx, storeId);
        // R-FU-3: an A-class customer's complaint is owned by a service manager.
        const owner = customer.valueClass === ValueClass.A ? ((await this.staffWith(tx, storeId, Role.SERVICE_MANAGER)) ?? actor.staffId) : actor.staffId;
        const complaint = tx.create(Complaint, {
          store: storeId,
          customer: customer.id,
          workOrder: workOrderId,
          words: words!,
          category: input.category,
          severity: input.severity,
          channel: input.channel,
          owner,
          createdAt: at,
          updatedAt: at,
          firstResponseDueAt: new Date(at.getTime() + settings.responseMinutes * 60_000),
        });
        const facts: Fact[] = [{ kind: K.FILED, data: { category: input.category, severity: input.severity, channel: input.channel, owner } }];
        if (input.severity === ComplaintSeverity.MAJOR) {
          // R-FU-3: a major complaint goes to the store's management at once.
          const management = (await this.staffWith(tx, storeId, Role.ADMIN)) ?? (await this.staffWith(tx, storeId, Role.SERVICE_MANAGER)) ?? owner;
          complaint.escalatedAt = at;
          complaint.escalatedTo = tx.getReference(Staff, management, { wrapped: true });
          facts.push({ kind: K.ESCALATED, data: { to: management, because: 'MAJOR' } });
        }
        await tx.flush();
        await this.schedule(tx, storeId, complaint.id, 'RESPONSE', complaint.firstResponseDueAt);
        await this.schedule(tx, storeId, complaint.id, 'REPORT', new Date(at.getTime() + settings.reportAfterDays * DAY));
        return { aggregate: complaint, facts };
      },
    });
  }

  async transition(em: EntityManager, actor: Actor, input: TransitionComplaintInput): Promise<Result<Complaint>> {
    const check = new InputCheck();
    const note = check.text(['note'], input.note, { max: 2000, multiline: true });
    if (check.failed) return refuse(...check.errors);
    const id = dbId(input.id, 'Complaint');
    if (!id) return refuse(notFound('Complaint'));
    return this.log.change(em, actor, {
      type: COMPLAINT,
      storeId: actor.storeId,
      load: (tx) => tx.findOne(Complaint, { id, store: actor.storeId }, { refresh: true }),
      notFound: notFound('Complaint'),
      expectedVersion: input.expectedVersion,
      apply: async (tx, c, at) => {
        const from = c.status;
        const rule = findComplaintTransition(from, input.to);
        if (!rule) return [refusal('ILLEGAL_TRANSITION', ['input', 'to'], { from, to: input.to })];
        if (!actorMayMoveComplaint(rule, actor)) return [refusal('TRANSITION_NOT_PERMITTED', ['input', 'to'], { from, to: input.to })];
        if (rule.noteRequired && !note) return [refusal('COMPLAINT_NOTE_REQUIRED', ['input', 'note'])];
        c.status = input.to;
        if (input.to === S.RESPONDED) c.firstRespondedAt ??= at;
        if (input.to === S.RESOLVED) {
          const settings = await this.settings(tx, actor.storeId);
          c.resolution = note;
          c.resolvedAt = at;
          c.recallDueAt = new Date(at.getTime() + settings.recallDays * DAY);
          await this.schedule(tx, actor.storeId, c.id, 'RECALL', c.recallDueAt);
        }
        if (input.to === S.REOPENED) c.recallDueAt = null;
        return [{ kind: input.to, data: { from, to: input.to, note, ...(input.to === S.RESOLVED ? { recallDueAt: c.recallDueAt?.toISOString() } : {}) } }];
      },
    });
  }

  /** Run by the job queue at a deadline (as the system): escalates or reports when the deadline was missed; otherwise writes nothing. */
  async deadline(em: EntityManager, actor: Actor, complaintId: number, which: ComplaintDeadline): Promise<Result<Complaint>> {
    return this.log.change(em, actor, {
      type: COMPLAINT,
      storeId: actor.storeId,
      load: (tx) => tx.findOne(Complaint, { id: complaintId, store: actor.storeId }, { refresh: true }),
      notFound: notFound('Complaint'),
      apply: async (tx, c, at): Promise<Refusal[] | Fact[]> => {
        const nothing = [refusal('COMPLAINT_NOTHING_DUE', null)];
        const manager = async () => (await this.staffWith(tx, actor.storeId, Role.SERVICE_MANAGER)) ?? c.owner.id;
        if (which === 'RESPONSE') {
          if (c.status !== S.OPEN || c.firstRespondedAt || c.escalatedAt || at < c.firstResponseDueAt) return nothing;
          const to = await manager();
          c.escalatedAt = at;
          c.escalatedTo = tx.getReference(Staff, to, { wrapped: true });
          return [{ kind: K.ESCALATED, data: { to, because: 'RESPONSE_MISSED' } }];
        }
        if (which === 'REPORT') {
          if (!UNRESOLVED.includes(c.status) || c.reportedAt) return nothing;
          const to = await manager();
          c.reportedAt = at;
          return [{ kind: K.REPORTED, data: { to, because: 'UNRESOLVED' } }];
        }
        if (c.status !== S.RESOLVED || !c.recallDueAt || at < c.recallDueAt) return nothing;
        const to = await manager();
        c.reportedAt = at;
        return [{ kind: K.REPORTED, data: { to, because: 'RECALL_MISSED' } }];
      },
    });
  }

  async list(em: EntityManager, storeId: number, page: PageRequest, filter?: ComplaintFilter | null) {
    const where: Record<string, unknown> = { store: storeId };
    if (filter?.status?.length) where.status = { $in: filter.status };
    if (filter?.escalated != null) where.escalatedAt = filter.escalated ? { $ne: null } : null;
    if (filter?.customerId) where.customer = dbId(filter.customerId, 'Customer') ?? 0;
    const k = keyset(page, 'desc');
    const [rows, total] = await Promise.all([em.find(Complaint, { ...where, ...k.where }, k.options), em.count(Complaint, where)]);
    return toConnection(rows, total, page);
  }

  find(em: EntityManager, storeId: number, globalId: string): Promise<Complaint | null> {
    const id = dbId(globalId, 'Complaint');
    return id ? em.findOne(Complaint, { id, store: storeId }) : Promise.resolve(null);
  }

  async settings(em: EntityManager, storeId: number): Promise<ComplaintSettings> {
    return (await em.findOne(ComplaintSettings, { store: storeId })) ?? em.create(ComplaintSettings, { store: storeId }, { persist: false });
  }

  async updateSettings(em: EntityManager, actor: StaffActor, input: UpdateComplaintSettingsInput): Promise<Result<ComplaintSettings>> {
    const check = new InputCheck();
    check.range(['responseMinutes'], input.responseMinutes, 15, 24 * 60);
    check.range(['reportAfterDays'], input.reportAfterDays, 1, 30);
    check.range(['recallDays'], input.recallDays, 1, 14);
    if (check.failed) return refuse(...check.errors);
    return em.transactional(async (tx) => {
      await tx.execute('insert into complaint_settings (store_id) values (?) on conflict (store_id) do nothing', [actor.storeId]);
      const s = await tx.findOneOrFail(ComplaintSettings, { store: actor.storeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (s.version !== input.expectedVersion) return refuse(refusal('STALE_VERSION', check.path('expectedVersion'), { current: s.version }));
      const before = { responseMinutes: s.responseMinutes, reportAfterDays: s.reportAfterDays, recallDays: s.recallDays };
      const after = { responseMinutes: input.responseMinutes, reportAfterDays: input.reportAfterDays, recallDays: input.recallDays };
      if (JSON.stringify(before) === JSON.stringify(after)) return ok(s);
      Object.assign(s, after);
      s.version += 1;
      audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: 'complaint.settings', entity: 'ComplaintSettings', entityId: s.id, data: { before, after } });
      return ok(s);
    });
  }

  private schedule(tx: EntityManager, storeId: number, id: number, which: ComplaintDeadline, runAt: Date) {
    return this.queue.schedule(tx, COMPLAINT_DEADLINE_TASK, { storeId, complaintId: id, which }, { runAt, key: taskKey(id, which) });
  }

  /** The first active staff member of the store with `role` (lowest id: the same person every time). */
  private async staffWith(tx: EntityManager, storeId: number, role: Role): Promise<number | null> {
    const [row] = await tx.execute<{ id: number }[]>(`select id from staff where store_id = ? and active and ? = any(roles) order by id limit 1`, [storeId, role]);
    return row?.id ?? null;
  }
}
