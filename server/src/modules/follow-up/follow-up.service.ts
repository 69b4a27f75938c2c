import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import type { DomainEvent } from '../../events/domain-event.entity.js';
import type { EventLog } from '../../events/event-log.js';
import type { Actor, StaffActor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { keyset, toConnection, type PageRequest } from '../../shared/page.js';
import { notFound, refusal, type Result } from '../../shared/result.js';
import { Complaint } from '../complaint/complaint.entity.js';
import { ComplaintStatus } from '../complaint/complaint.enums.js';
import { Customer } from '../customer/customer.entity.js';
import { ContactChannel } from '../customer/customer-archive.enums.js';
import { Staff } from '../staff/staff.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { WorkOrderStatus } from '../work-order/work-order.enums.js';
import { MessagePurpose, OutboxChannel } from '../outbox/outbox.enums.js';
import type { Services } from '../../services.types.js';
import { FollowUpAttempt, FollowUpTask, Survey } from './follow-up.entity.js';
import { CallOutcome, FollowUpKind as Kind, FollowUpStatus as St, SurveyVia } from './follow-up.enums.js';
import type { CompleteFollowUpInput, FollowUpFilter, SurveyInput, UpdateFollowUpSettingsInput } from './dto/follow-up.dto.js';
import { FollowUpSettings } from './follow-up-settings.entity.js';
import { audit } from '../audit/audit.js';
import './follow-up.errors.js';

export const FOLLOW_UP = 'Task';
export const SURVEY = 'Survey';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** R-FU-1 timings: the callback within the store's hours (24 by default); not reached, retried 2 hours later, then the next day, then given up (3 attempts). */
export const MAX_ATTEMPTS = 3;
const RETRY_AFTER = [2 * HOUR, DAY];
/** R-FU-4: the first tracking call on day 3 (of the 3–7 day window), the second a week later. */
const TRACKING_DAYS = [3, 10];

/**
 * Follow-up calls (R-FU-1/2/4). A delivery in the event log creates, through a durable consumer, the
 * callback due within 24 hours and two tracking calls, each with its own topic from the work done, on
 * the customer's preferred channel. Customer service works them: every attempt is logged with outcome,
 * channel and who; not reached, the task comes back later, and after the last try it is UNREACHED. A
 * reached customer may rate the visit (the survey, one per visit).
 */
export class FollowUpService {
  constructor(
    private readonly log: EventLog,
    private readonly clock: Clock,
    /** For the outbox (the survey link to an unreached customer); absent in unit set-ups. */
    private readonly registry?: () => Services,
    private readonly publicUrl = '',
  ) {}

  /** The durable consumer's handler: idempotent (a task per visit, kind and sequence, enforced by a unique key). */
  async onWorkOrderEvent(tx: EntityManager, event: DomainEvent): Promise<void> {
    if (event.kind !== 'TRANSITIONED' || event.data.to !== WorkOrderStatus.DELIVERED) return;
    const wo = await tx.findOne(WorkOrder, { id: event.aggregateId }, { populate: ['jobs', 'customer'] });
    if (!wo) return;
    const customer = wo.customer.getEntity() as Customer;
    const work = wo.jobs.getItems().map((j) => j.title).join('、') || wo.complaint.slice(0, 60);
    const channel = customer.preferredChannel ?? ContactChannel.PHONE;
    const at = event.at.getTime();
    const { callbackWithinHours } = await this.settings(tx, wo.store.id);
    const tasks = [
      { kind: Kind.CALLBACK, sequence: 1, dueAt: new Date(at + callbackWithinHours * HOUR), topic: `交车回访：${work}，服务是否满意` },
      { kind: Kind.TRACKING_CALL, sequence: 1, dueAt: new Date(at + TRACKING_DAYS[0] * DAY), topic: `用车情况跟踪：${work}后车辆是否正常` },
      { kind: Kind.TRACKING_CALL, sequence: 2, dueAt: new Date(at + TRACKING_DAYS[1] * DAY), topic: `维修效果复查：${work}，有无新的问题，提醒下次保养` },
    ];
    for (const t of tasks) {
      await tx.execute(
        `insert into follow_up_task (store_id, kind, sequence, due_at, topic, channel, customer_id, work_order_id, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (work_order_id, kind, sequence) do nothing`,
        [wo.store.id, t.kind, t.sequence, t.dueAt, t.topic.slice(0, 300), channel, customer.id, wo.id, event.at],
      );
    }
  }

  /**
   * R-FU-3: a resolved complaint puts a COMPLAINT_RECALL on the list, due when the re-callback is due;
   * confirming or reopening the complaint is the outcome of that call and closes it. Idempotent: one
   * task per resolution (the complaint and the how-many-th resolution are a unique key).
   */
  async onComplaintEvent(tx: EntityManager, event: DomainEvent): Promise<void> {
    if (event.kind === ComplaintStatus.RESOLVED) {
      // The complaint may have moved on since (confirmed, reopened): the event says what was due; a later event closes the task.
      const c = await tx.findOne(Complaint, { id: event.aggregateId }, { populate: ['customer'] });
      const dueAt = typeof event.data.recallDueAt === 'string' ? new Date(event.data.recallDueAt) : c?.recallDueAt;
      if (!c || !dueAt) return;
      const resolutions = await tx.execute<{ n: string }[]>(
        `select count(*) as n from domain_event where store_id = ? and aggregate_type = ? and aggregate_id = ? and kind = ? and seq <= ?`,
        [event.store.id, event.aggregateType, c.id, ComplaintStatus.RESOLVED, event.seq],
      );
      const customer = c.customer.getEntity() as Customer;
      const resolution = typeof event.data.note === 'string' ? event.data.note : (c.resolution ?? '');
      const topic = `投诉回访：确认「${resolution.slice(0, 80)}」客户是否满意`;
      await tx.execute(
        `insert into follow_up_task (store_id, kind, sequence, due_at, topic, channel, customer_id, complaint_id, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (complaint_id, sequence) do nothing`,
        [c.store.id, Kind.COMPLAINT_RECALL, Number(resolutions[0].n), dueAt, topic.slice(0, 300), customer.preferredChannel ?? ContactChannel.PHONE, customer.id, c.id, event.at],
      );
    } else if (event.kind === ComplaintStatus.CONFIRMED || event.kind === ComplaintStatus.REOPENED) {
      await tx.execute(`update follow_up_task set status = ?, version = version + 1 where complaint_id = ? and status = ?`, [St.DONE, event.aggregateId, St.OPEN]);
    }
  }

  /**
   * R-CARE-7: the outbox's PHONE_TASK channel. A care call on customer service's common list, in the
   * caller's transaction (the outbox message is the record of why; the task is the work).
   */
  async createCareCall(tx: EntityManager, call: { storeId: number; customerId: number; dueAt: Date; topic: string }): Promise<FollowUpTask> {
    const customer = await tx.findOneOrFail(Customer, { id: call.customerId, store: call.storeId });
    const task = tx.create(FollowUpTask, {
      store: call.storeId,
      kind: Kind.CARE_CALL,
      dueAt: call.dueAt,
      topic: call.topic.slice(0, 300),
      channel: ContactChannel.PHONE,
      customer,
      createdAt: this.clock.now(),
    });
    await tx.flush();
    return task;
  }

  /** One call: the attempt is logged; reached, the task is done (with the survey, if given); not reached, it comes back later or ends UNREACHED. */
  async complete(em: EntityManager, actor: StaffActor, input: CompleteFollowUpInput): Promise<Result<{ task: FollowUpTask; survey: Survey | null }>> {
    const check = new InputCheck();
    const notes = check.text(['notes'], input.notes, { max: 1000, multiline: true });
    const s = input.survey;
    if (s) {
      for (const name of ['attitude', 'quality', 'priceTransparency'] as const) check.range(['survey', name], s[name], 1, 5);
      check.text(['survey', 'suggestions'], s.suggestions, { max: 1000, multiline: true });
      if (input.outcome !== CallOutcome.REACHED) check.fail(['survey'], 'SURVEY_NEEDS_REACHED');
    }
    const id = dbId(input.taskId, 'Task');
    if (!id) return { ok: false, errors: [notFound('Task', ['input', 'taskId'])] };
    if (check.failed) return { ok: false, errors: check.errors };
    let survey: Survey | null = null;
    const result = await this.log.change(em, actor, {
      type: FOLLOW_UP,
      storeId: actor.storeId,
      load: (tx) => tx.findOne(FollowUpTask, { id, store: actor.storeId }, { refresh: true }),
      notFound: notFound('Task', ['input', 'taskId']),
      apply: async (tx, task, at) => {
        if (task.status !== St.OPEN) return [refusal('TASK_NOT_OPEN', ['input', 'taskId'])];
        tx.create(FollowUpAttempt, { task, at, outcome: input.outcome, channel: input.channel, notes, by: tx.getReference(Staff, actor.staffId) });
        task.attemptCount += 1;
        if (input.outcome === CallOutcome.REACHED) {
          task.status = St.DONE;
          if (s) {
            if (!task.workOrder) return [refusal('SURVEY_NEEDS_WORK_ORDER', ['input', 'survey'])];
            if (await tx.count(Survey, { workOrder: task.workOrder.id })) return [refusal('SURVEY_EXISTS', ['input', 'survey'])];
            survey = tx.create(Survey, { store: actor.storeId, workOrder: task.workOrder.id, attitude: s.attitude, quality: s.quality, priceTransparency: s.priceTransparency, suggestions: s.suggestions?.trim() || null, createdAt: at });
          }
        } else if (input.outcome === CallOutcome.WRONG_NUMBER || task.attemptCount >= MAX_ATTEMPTS) {
          task.status = St.UNREACHED;
          await this.offerSurveyLink(tx, actor, task, at);
        } else {
          task.dueAt = new Date(at.getTime() + RETRY_AFTER[Math.min(task.attemptCount - 1, RETRY_AFTER.length - 1)]);
        }
        return [{ kind: `ATTEMPT_${input.outcome}`, data: { outcome: input.outcome, channel: input.channel, status: task.status, dueAt: task.dueAt.toISOString() } }];
      },
    });
    return result.ok ? { ok: true, value: { task: result.value, survey } } : result;
  }

  /**
   * R-FU-2 on the progress page: the customer of a delivered order rates the visit, once (a rating
   * given on the callback counts as the one). The open callback stays on the list: the call still asks
   * how the car is, and customer service sees the answer there.
   */
  async answerByLink(em: EntityManager, actor: Extract<Actor, { kind: 'customer' }>, input: SurveyInput): Promise<Result<Survey>> {
    const check = new InputCheck();
    for (const name of ['attitude', 'quality', 'priceTransparency'] as const) check.range([name], input[name], 1, 5);
    const suggestions = check.text(['suggestions'], input.suggestions, { max: 1000, multiline: true });
    if (check.failed) return { ok: false, errors: check.errors };
    return this.log.create(em, actor, {
      type: SURVEY,
      storeId: actor.storeId,
      build: async (tx, at) => {
        const wo = await tx.findOne(WorkOrder, { id: actor.workOrderId, store: actor.storeId }, { refresh: true });
        if (!wo || wo.status !== WorkOrderStatus.DELIVERED) return [refusal('SURVEY_NOT_OPEN', ['input', 'token'])];
        if (await tx.count(Survey, { workOrder: wo.id })) return [refusal('SURVEY_EXISTS', ['input', 'token'])];
        const survey = tx.create(Survey, { store: actor.storeId, workOrder: wo.id, attitude: input.attitude, quality: input.quality, priceTransparency: input.priceTransparency, suggestions: suggestions || null, via: SurveyVia.PROGRESS_PAGE, createdAt: at });
        return { aggregate: survey, facts: [{ kind: 'ANSWERED', data: { via: SurveyVia.PROGRESS_PAGE, workOrderId: wo.id, attitude: input.attitude, quality: input.quality, priceTransparency: input.priceTransparency } }] };
      },
    });
  }

  surveyOf(em: EntityManager, workOrderId: number): Promise<Survey | null> {
    return em.findOne(Survey, { workOrder: workOrderId });
  }

  /**
   * R-FU-1: a callback that never reached the customer offers the survey by SMS instead — the link to
   * their progress page, where the survey waits after delivery — while the link lives and the visit is
   * not rated yet. Once per visit (the outbox key); a CARE message: quiet hours move it to the morning
   * and the frequency cap holds it back from a customer contacted enough this week.
   */
  private async offerSurveyLink(tx: EntityManager, actor: Actor, task: FollowUpTask, at: Date): Promise<void> {
    if (task.kind !== Kind.CALLBACK || !task.workOrder || !this.registry) return;
    const wo = await tx.findOne(WorkOrder, { id: task.workOrder.id }, { populate: ['vehicle'] });
    if (!wo?.trackingToken || !wo.trackingExpiresAt || wo.trackingExpiresAt <= at) return;
    if (await tx.count(Survey, { workOrder: wo.id })) return;
    await this.registry().outbox.enqueue(tx, actor, {
      storeId: wo.store.id,
      customerId: task.customer.id,
      vehicleId: wo.vehicle.id,
      channel: OutboxChannel.SMS,
      template: 'SURVEY_LINK',
      variables: { plate: wo.vehicle.getEntity().plate, link: `${this.publicUrl}/t/${wo.trackingToken}` },
      scheduledAt: at,
      purpose: MessagePurpose.CARE,
      idempotencyKey: `survey-link:${wo.id}`,
    });
  }

  async settings(em: EntityManager, storeId: number): Promise<FollowUpSettings> {
    return (await em.findOne(FollowUpSettings, { store: storeId })) ?? em.create(FollowUpSettings, { store: storeId }, { persist: false });
  }

  /** R-FU-1: managers set the callback deadline (optimistic lock, audited); deliveries after it use it. */
  async updateSettings(em: EntityManager, actor: StaffActor, input: UpdateFollowUpSettingsInput): Promise<Result<FollowUpSettings>> {
    const check = new InputCheck();
    check.range(['callbackWithinHours'], input.callbackWithinHours, 1, 72);
    if (check.failed) return { ok: false, errors: check.errors };
    return em.transactional(async (tx) => {
      await tx.execute('insert into follow_up_settings (store_id) values (?) on conflict (store_id) do nothing', [actor.storeId]);
      const s = await tx.findOneOrFail(FollowUpSettings, { store: actor.storeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (s.version !== input.expectedVersion) return { ok: false, errors: [refusal('STALE_VERSION', check.path('expectedVersion'), { current: s.version })] };
      if (s.callbackWithinHours === input.callbackWithinHours) return { ok: true, value: s };
      audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: 'follow-up.settings', entity: 'FollowUpSettings', entityId: s.id, data: { before: { callbackWithinHours: s.callbackWithinHours }, after: { callbackWithinHours: input.callbackWithinHours } } });
      s.callbackWithinHours = input.callbackWithinHours;
      s.version += 1;
      return { ok: true, value: s };
    });
  }

  /** The status as people see it: an open task past its due time is OVERDUE. */
  statusOf(task: FollowUpTask): St {
    return task.status === St.OPEN && task.dueAt.getTime() < this.clock.now().getTime() ? St.OVERDUE : task.status;
  }

  async list(em: EntityManager, actor: Actor, page: PageRequest, filter?: FollowUpFilter | null) {
    const now = this.clock.now();
    const where: Record<string, unknown> = { store: actor.storeId };
    if (filter?.kind?.length) where.kind = { $in: filter.kind };
    if (filter?.status?.length) {
      const or: Record<string, unknown>[] = [];
      for (const st of filter.status) {
        if (st === St.OPEN) or.push({ status: St.OPEN, dueAt: { $gte: now } });
        else if (st === St.OVERDUE) or.push({ status: St.OPEN, dueAt: { $lt: now } });
        else or.push({ status: st });
      }
      where.$or = or;
    }
    if (filter?.assignedToMe && actor.kind === 'staff') where.$and = [{ $or: [{ assignee: actor.staffId }, { assignee: null }] }];
    const k = keyset(page);
    const [rows, total] = await Promise.all([em.find(FollowUpTask, { ...where, ...k.where }, k.options), em.count(FollowUpTask, where)]);
    return toConnection(rows, total, page);
  }
}
