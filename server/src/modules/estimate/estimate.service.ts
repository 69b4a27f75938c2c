import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventLog, Fact } from '../../events/event-log.js';
import type { JobQueue } from '../../events/job-queue.js';
import { type Actor, actsAs, staffIdOf, systemActor } from '../../shared/actor.js';
import { dbId, toGlobalId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { notFound, ok, refuse, refusal, type Refusal, type Result } from '../../shared/result.js';
import { AppointmentService } from '../appointment/appointment.service.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import type { TransitionExtensions, TransitionGuard } from '../work-order/work-order.process.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { JobPayer, JobStatus, WorkOrderStatus as WO } from '../work-order/work-order.enums.js';
import { WorkOrderService } from '../work-order/work-order.service.js';
import { UploadPurpose } from '../upload/upload.enums.js';
import type { UploadService } from '../upload/upload.service.js';
import { Upload } from '../upload/upload.entity.js';
import type { AddSupplementalWorkInput, ApproveEstimateInput, ConfirmWarrantyInput, EstimateLineInput, SaveEstimateInput, SendEstimateInput, UpdateEstimateSettingsInput } from './dto/estimate.dto.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { MAX_MILEAGE_KM } from '../vehicle/vehicle.service.js';
import type { EstimateCatalog } from './estimate.catalog.js';
import { Estimate, EstimateApproval, EstimateLine, EstimateSettings } from './estimate.entity.js';
import { ApprovalMethod, EstimateEventKind, EstimateLineKind as K, EstimatePayer, EstimateStatus as S, LineDecision } from './estimate.enums.js';
import { EstimateError as E } from './estimate.errors.js';
import { ESTIMATE_READER_ROLES, MAIN_ESTIMATE_ORDER_STATUSES, mayMove, OPEN, SUPPLEMENTAL_ORDER_STATUSES } from './estimate.process.js';
import { countedLines, decide, type Eligibility, LIMITS, lineAmountFen, type Totals, totalsOf, toUnits, warrantyEligibility } from './estimate.rules.js';

export const ESTIMATE = 'Estimate';

/** A line checked and priced, ready to be stored. */
type LineDraft = Omit<EstimateLine, 'id' | 'estimate' | 'globalId' | 'quantity' | 'standardHours' | 'decision'> & { decision?: LineDecision };

/** An approved line as the cash desk charges it (`chargeableLines`). */
export interface ChargeableLine {
  estimateId: number;
  lineId: number;
  description: string;
  kind: K;
  amountFen: number;
  payer: EstimatePayer;
  taxBasisPoints: number;
  /** PART lines: the catalog part, the part number and the quantity in thousandths (to meet issued parts, R-WO-5). */
  catalogPartId: number | null;
  partNumber: string | null;
  quantityMilli: number | null;
}

export interface EstimateAndOrder {
  estimate: Estimate;
  workOrder: WorkOrder;
}

/** Approvals as the service takes them; the link passes method LINK and the customer actor. */
export type ApprovalRequest = Omit<ApproveEstimateInput, 'method'> & { method: ApprovalMethod };

/** What an on-site approval needs of the upload module: a received SIGNATURE upload of the store. */
export type SignatureCheck = Pick<UploadService, 'requireReady'>;

/** Rolls the outer transaction back and carries the refusals out. */
class Refused extends Error {
  constructor(readonly refusals: Refusal[]) {
    super('refused');
  }
}

export class EstimateService {
  private readonly workOrders: WorkOrderService;
  private readonly appointments: AppointmentService;

  constructor(
    private readonly log: EventLog,
    queue: JobQueue,
    transitions: TransitionExtensions,
    /** R-WO-5: the parts catalog (the parts module's service, found at run time). */
    private readonly catalog: () => EstimateCatalog,
  ) {
    // The work order moves only through its own service (and so through every module's guards); deferred lines become carried-over items through the appointment module's.
    this.workOrders = new WorkOrderService(log, transitions);
    this.appointments = new AppointmentService(log, queue);
  }

  /**
   * Several changes (each through the log's one change path) in one transaction: the first refusal
   * rolls everything back. The store's event lock is taken by the first change and held to the end.
   */
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

  // ---- settings ----------------------------------------------------------------------------

  async settings(em: EntityManager, storeId: number): Promise<EstimateSettings> {
    return (await em.findOne(EstimateSettings, { store: storeId })) ?? em.create(EstimateSettings, { store: storeId }, { persist: false });
  }

  async updateSettings(em: EntityManager, actor: Actor, input: UpdateEstimateSettingsInput): Promise<Result<EstimateSettings>> {
    const check = new InputCheck();
    check.range(['taxBasisPoints'], input.taxBasisPoints, 0, LIMITS.maxTaxBasisPoints);
    if (!Number.isInteger(input.taxBasisPoints)) check.fail(['taxBasisPoints'], E.TOO_MANY_DECIMALS, { places: 0 });
    if (check.failed) return refuse(...check.errors);
    return this.log.change(em, actor, {
      type: 'EstimateSettings',
      storeId: actor.storeId,
      load: async (tx) => {
        const found = await tx.findOne(EstimateSettings, { store: actor.storeId }, { refresh: true });
        if (found) return found;
        const created = tx.create(EstimateSettings, { store: actor.storeId });
        await tx.flush();
        return created;
      },
      notFound: notFound('EstimateSettings'),
      expectedVersion: input.expectedVersion,
      apply: async (_tx, s) => {
        s.taxBasisPoints = input.taxBasisPoints;
        return { kind: 'UPDATED', data: { taxBasisPoints: s.taxBasisPoints } };
      },
    });
  }

  // ---- lines (R-EST-2/3) -------------------------------------------------------------------

  /** Checks the lines and derives every amount (estimate.rules.ts); field paths point into `lines`. */
  checkLines(check: InputCheck, lines: readonly EstimateLineInput[], field = 'lines'): LineDraft[] {
    if (lines.length === 0) check.fail([field], 'REQUIRED');
    if (lines.length > LIMITS.maxLines) check.fail([field], E.TOO_MANY, { max: LIMITS.maxLines });
    return lines.slice(0, LIMITS.maxLines).map((l, i) => {
      const at = (name: string) => [field, i, name];
      const notApplicable = (name: string, value: unknown) => value != null && check.fail(at(name), E.LINE_FIELD_NOT_APPLICABLE);
      const required = (name: string, value: unknown) => value == null && check.fail(at(name), 'REQUIRED');
      const money = (name: string, value: number | null | undefined, max: number) => {
        required(name, value);
        check.range(at(name), value, 0, max);
      };
      const fromCatalog = l.kind === K.PART && l.partId != null;
      const description = check.text(at('description'), l.description, { max: 200, required: !fromCatalog });
      const alternativeGroup = check.text(at('alternativeGroup'), l.alternativeGroup, { max: 40 });
      const tradeOff = check.text(at('tradeOff'), l.tradeOff, { max: 200 });
      const risk = check.text(at('risk'), l.risk, { max: 200 });
      const deferrable = l.deferrable ?? false;
      if (deferrable && !risk) check.fail(at('risk'), 'REQUIRED');
      let draft: Partial<LineDraft> = {};
      if (l.kind !== K.PART) notApplicable('partId', l.partId);
      if (fromCatalog) {
        // R-WO-5: number, source and price come from the catalog (fillFromCatalog, once the order's vehicle is read).
        const catalogPartId = dbId(l.partId!, 'Part');
        if (!catalogPartId) check.fail(at('partId'), 'INVALID_ID');
        required('quantity', l.quantity);
        const quantityMilli = l.quantity == null ? null : toUnits(l.quantity, 3);
        if (l.quantity != null && quantityMilli == null) check.fail(at('quantity'), E.TOO_MANY_DECIMALS, { places: 3 });
        check.range(at('quantity'), l.quantity, 0.001, LIMITS.maxQuantity);
        for (const name of ['partNumber', 'partSource', 'unitPriceFen', 'skill', 'standardHours', 'hourlyRateFen', 'amountFen'] as const) notApplicable(name, l[name]);
        draft = { quantityMilli, catalogPartId };
      } else if (l.kind === K.PART) {
        const partNumber = check.text(at('partNumber'), l.partNumber, { max: 40, required: true });
        required('partSource', l.partSource);
        required('quantity', l.quantity);
        const quantityMilli = l.quantity == null ? null : toUnits(l.quantity, 3);
        if (l.quantity != null && quantityMilli == null) check.fail(at('quantity'), E.TOO_MANY_DECIMALS, { places: 3 });
        check.range(at('quantity'), l.quantity, 0.001, LIMITS.maxQuantity);
        money('unitPriceFen', l.unitPriceFen, LIMITS.maxUnitPriceFen);
        for (const name of ['skill', 'standardHours', 'hourlyRateFen', 'amountFen'] as const) notApplicable(name, l[name]);
        draft = { partNumber, partSource: l.partSource, quantityMilli, unitPriceFen: l.unitPriceFen };
      } else if (l.kind === K.LABOUR) {
        required('skill', l.skill);
        required('standardHours', l.standardHours);
        const hoursCenti = l.standardHours == null ? null : toUnits(l.standardHours, 2);
        if (l.standardHours != null && hoursCenti == null) check.fail(at('standardHours'), E.TOO_MANY_DECIMALS, { places: 2 });
        check.range(at('standardHours'), l.standardHours, 0.01, LIMITS.maxHours);
        money('hourlyRateFen', l.hourlyRateFen, LIMITS.maxHourlyRateFen);
        for (const name of ['partNumber', 'partSource', 'quantity', 'unitPriceFen', 'amountFen'] as const) notApplicable(name, l[name]);
        draft = { skill: l.skill, hoursCenti, hourlyRateFen: l.hourlyRateFen };
      } else {
        money('amountFen', l.amountFen, LIMITS.maxFeeFen);
        for (const name of ['partNumber', 'partSource', 'quantity', 'unitPriceFen', 'skill', 'standardHours', 'hourlyRateFen'] as const) notApplicable(name, l[name]);
        draft = {};
      }
      const priced = { kind: l.kind, quantityMilli: draft.quantityMilli, unitPriceFen: draft.unitPriceFen, hoursCenti: draft.hoursCenti, hourlyRateFen: draft.hourlyRateFen, feeFen: l.kind === K.FEE ? l.amountFen : null };
      return {
        position: i,
        kind: l.kind,
        description: description ?? '',
        partNumber: draft.partNumber ?? null,
        partSource: draft.partSource ?? null,
        quantityMilli: draft.quantityMilli ?? null,
        unitPriceFen: draft.unitPriceFen ?? null,
        skill: draft.skill ?? null,
        hoursCenti: draft.hoursCenti ?? null,
        hourlyRateFen: draft.hourlyRateFen ?? null,
        amountFen: check.failed || fromCatalog ? 0 : lineAmountOrRefuse(check, [field, i], priced),
        catalogPartId: draft.catalogPartId ?? null,
        payer: l.payer ?? EstimatePayer.CUSTOMER,
        alternativeGroup,
        tradeOff,
        deferrable,
        risk,
      };
    });
  }

  /** The lines' amounts together stay within LIMITS.maxEstimateFen. */
  private checkSum(check: InputCheck, drafts: readonly LineDraft[], field = 'lines'): void {
    if (!check.failed && drafts.reduce((s, d) => s + d.amountFen, 0) > LIMITS.maxEstimateFen) check.fail([field], E.AMOUNT_TOO_LARGE, { max: LIMITS.maxEstimateFen / 100 });
  }

  /**
   * R-WO-5: lines with a catalog part take its number, source and price (and its name when no
   * description was given) and must fit the order's vehicle (PART_DOES_NOT_FIT, as issueParts).
   * Then the amounts are derived and the sum checked. One statement for the catalog.
   */
  private async fillFromCatalog(tx: EntityManager, storeId: number, wo: WorkOrder, drafts: LineDraft[], field = 'lines'): Promise<Refusal[]> {
    const wanted = drafts.filter((d) => d.catalogPartId != null);
    if (!wanted.length) return [];
    const vehicle = await tx.findOneOrFail(Vehicle, wo.vehicle.id);
    const catalog = await this.catalog().catalogParts(tx, storeId, [...new Set(wanted.map((d) => d.catalogPartId!))], vehicle.model);
    const check = new InputCheck();
    drafts.forEach((d, i) => {
      if (d.catalogPartId == null) return;
      const part = catalog.find((p) => p.id === d.catalogPartId);
      if (!part) return check.fail([field, i, 'partId'], 'NOT_FOUND', { what: 'Part' });
      if (!part.fits) return check.fail([field, i, 'partId'], 'PART_DOES_NOT_FIT', { partNumber: part.partNumber, model: vehicle.model });
      d.partNumber = part.partNumber;
      d.partSource = part.source;
      d.unitPriceFen = part.unitPriceFen;
      d.description ||= part.name;
      d.amountFen = lineAmountOrRefuse(check, [field, i], { kind: K.PART, quantityMilli: d.quantityMilli, unitPriceFen: d.unitPriceFen, hoursCenti: null, hourlyRateFen: null, feeFen: null });
    });
    this.checkSum(check, drafts, field);
    return check.errors;
  }

  private addLines(tx: EntityManager, estimate: Estimate, drafts: readonly LineDraft[]): EstimateLine[] {
    return drafts.map((d) => tx.create(EstimateLine, { ...d, estimate }));
  }

  /** R-EST-2: the totals the estimate shows (see countedLines: proposed before the decision, approved after). */
  totals(estimate: Estimate, lines: readonly EstimateLine[]): Totals {
    return totalsOf(countedLines(lines), estimate.taxBasisPoints);
  }

  // ---- save (R-EST-2/3) --------------------------------------------------------------------

  /**
   * A new estimate for the order (superseding its open main estimate), or changes to a DRAFT (with
   * expectedVersion). Main estimates are written while the order is DRAFT or AWAITING_APPROVAL.
   */
  async save(em: EntityManager, actor: Actor, input: SaveEstimateInput): Promise<Result<Estimate>> {
    const check = new InputCheck();
    const drafts = this.checkLines(check, input.lines);
    this.checkSum(check, drafts);
    const workOrderId = dbId(input.workOrderId, 'WorkOrder');
    if (!workOrderId) check.fail(['workOrderId'], 'INVALID_ID');
    const estimateId = input.estimateId == null ? null : dbId(input.estimateId, 'Estimate');
    if (input.estimateId != null && !estimateId) check.fail(['estimateId'], 'INVALID_ID');
    if (estimateId && input.expectedVersion == null) check.fail(['expectedVersion'], 'REQUIRED');
    if (check.failed) return refuse(...check.errors);
    const storeId = actor.storeId;

    if (estimateId) {
      return this.log.change(em, actor, {
        type: ESTIMATE,
        storeId,
        load: (tx) => tx.findOne(Estimate, { id: estimateId, store: storeId, workOrder: workOrderId! }, { refresh: true, populate: ['lines', 'workOrder'] }),
        notFound: notFound('Estimate', ['input', 'estimateId']),
        expectedVersion: input.expectedVersion,
        apply: async (tx, estimate) => {
          if (estimate.status !== S.DRAFT) return [refusal(E.ESTIMATE_NOT_EDITABLE, ['input', 'estimateId'], { status: estimate.status })];
          const wo = estimate.workOrder.getEntity();
          if (!estimate.supplemental && !MAIN_ESTIMATE_ORDER_STATUSES.includes(wo.status)) return [refusal(E.ORDER_NOT_ESTIMATING, ['input', 'workOrderId'], { status: wo.status })];
          const unpriced = await this.fillFromCatalog(tx, storeId, wo, drafts);
          if (unpriced.length) return unpriced;
          for (const line of estimate.lines.getItems()) tx.remove(line);
          estimate.lines.removeAll();
          estimate.taxBasisPoints = (await this.settings(tx, storeId)).taxBasisPoints;
          const lines = this.addLines(tx, estimate, drafts);
          return { kind: EstimateEventKind.SAVED, data: this.savedFacts(estimate, wo, lines) };
        },
      });
    }

    return this.log.create(em, actor, {
      type: ESTIMATE,
      storeId,
      build: async (tx, now) => {
        const wo = await tx.findOne(WorkOrder, { id: workOrderId!, store: storeId });
        if (!wo) return [notFound('WorkOrder', ['input', 'workOrderId'])];
        if (!MAIN_ESTIMATE_ORDER_STATUSES.includes(wo.status)) return [refusal(E.ORDER_NOT_ESTIMATING, ['input', 'workOrderId'], { status: wo.status })];
        const unpriced = await this.fillFromCatalog(tx, storeId, wo, drafts);
        if (unpriced.length) return unpriced;
        const facts: Fact[] = [];
        // One open main estimate per order: a new one supersedes the draft or sent one.
        for (const old of await tx.find(Estimate, { workOrder: wo.id, supplemental: false, status: { $in: [...OPEN] } })) {
          if (!mayMove('SUPERSEDE', old.status)) continue;
          old.status = S.SUPERSEDED;
          old.version += 1;
          old.updatedAt = now;
          facts.push({ kind: EstimateEventKind.SUPERSEDED, aggregate: { type: ESTIMATE, id: old.id }, data: { workOrderId: wo.id, version: old.version } });
        }
        const estimate = tx.create(Estimate, {
          store: storeId,
          workOrder: wo,
          status: S.DRAFT,
          taxBasisPoints: (await this.settings(tx, storeId)).taxBasisPoints,
          createdBy: staffIdOf(actor) ? tx.getReference(Staff, staffIdOf(actor)!, { wrapped: true }) : null,
          createdAt: now,
          updatedAt: now,
        });
        const lines = this.addLines(tx, estimate, drafts);
        await tx.flush();
        // The new estimate's own event first, then what it superseded.
        return { aggregate: estimate, facts: [{ kind: EstimateEventKind.SAVED, data: this.savedFacts(estimate, wo, lines) }, ...facts] };
      },
    });
  }

  private savedFacts(estimate: Estimate, wo: WorkOrder, lines: readonly EstimateLine[]) {
    return { workOrderId: wo.id, status: estimate.status, lines: lines.length, totalFen: totalsOf(countedLines(lines), estimate.taxBasisPoints).totalFen };
  }

  // ---- send --------------------------------------------------------------------------------

  /**
   * DRAFT → SENT; a DRAFT work order moves to AWAITING_APPROVAL through the work-order transitions
   * (with every module's guards), in the same transaction.
   */
  async send(em: EntityManager, actor: Actor, input: SendEstimateInput): Promise<Result<EstimateAndOrder>> {
    const id = dbId(input.estimateId, 'Estimate');
    if (!id) return refuse(notFound('Estimate', ['input', 'estimateId']));
    return this.inOne(em, async (tx) => {
      const sent = await this.log.change(tx, actor, {
        type: ESTIMATE,
        storeId: actor.storeId,
        load: (t) => t.findOne(Estimate, { id, store: actor.storeId }, { refresh: true, populate: ['lines', 'workOrder'] }),
        notFound: notFound('Estimate', ['input', 'estimateId']),
        expectedVersion: input.expectedVersion,
        apply: async (_t, estimate, at) => {
          if (!mayMove('SEND', estimate.status)) return [refusal(E.ESTIMATE_NOT_DRAFT, ['input', 'estimateId'], { status: estimate.status })];
          const wo = estimate.workOrder.getEntity();
          const allowed = estimate.supplemental ? SUPPLEMENTAL_ORDER_STATUSES : MAIN_ESTIMATE_ORDER_STATUSES;
          if (!allowed.includes(wo.status)) return [refusal(estimate.supplemental ? E.ORDER_NOT_IN_WORKSHOP : E.ORDER_NOT_ESTIMATING, ['input', 'estimateId'], { status: wo.status })];
          estimate.status = S.SENT;
          estimate.sentAt = at;
          const totals = this.totals(estimate, estimate.lines.getItems());
          return { kind: EstimateEventKind.SENT, data: { workOrderId: wo.id, totalFen: totals.totalFen, customerFen: totals.customerFen } };
        },
      });
      if (!sent.ok) return sent;
      const estimate = sent.value;
      let wo = estimate.workOrder.getEntity();
      if (!estimate.supplemental && wo.status === WO.DRAFT) {
        const moved = await this.workOrders.transition(tx, actor, { id: wo.globalId, to: WO.AWAITING_APPROVAL });
        if (!moved.ok) return moved;
        wo = moved.value;
      }
      return ok({ estimate, workOrder: wo });
    });
  }

  // ---- supplemental work (R-EST-6) ---------------------------------------------------------

  /**
   * R-EST-6: work found during the job. A supplemental estimate is created already SENT (the car is in
   * the workshop; the customer sees it on the link at once) and each LABOUR line becomes a job on the
   * order in status WAITING_APPROVAL — not to be started until the customer approves. One transaction.
   */
  async addSupplemental(em: EntityManager, actor: Actor, input: AddSupplementalWorkInput): Promise<Result<EstimateAndOrder>> {
    const check = new InputCheck();
    const reason = check.text(['reason'], input.reason, { max: 500, required: true, multiline: true });
    const drafts = this.checkLines(check, input.lines);
    this.checkSum(check, drafts);
    const workOrderId = dbId(input.workOrderId, 'WorkOrder');
    if (!workOrderId) check.fail(['workOrderId'], 'NOT_FOUND', { what: 'WorkOrder' });
    if (check.failed) return refuse(...check.errors);
    const storeId = actor.storeId;
    return this.inOne(em, async (tx) => {
      const created = await this.log.create(tx, actor, {
        type: ESTIMATE,
        storeId,
        build: async (t, now) => {
          const wo = await t.findOne(WorkOrder, { id: workOrderId!, store: storeId });
          if (!wo) return [notFound('WorkOrder', ['input', 'workOrderId'])];
          if (!SUPPLEMENTAL_ORDER_STATUSES.includes(wo.status)) return [refusal(E.ORDER_NOT_IN_WORKSHOP, ['input', 'workOrderId'], { status: wo.status })];
          const unpriced = await this.fillFromCatalog(t, storeId, wo, drafts);
          if (unpriced.length) return unpriced;
          const estimate = t.create(Estimate, {
            store: storeId,
            workOrder: wo,
            status: S.SENT,
            supplemental: true,
            reason,
            taxBasisPoints: (await this.settings(t, storeId)).taxBasisPoints,
            createdBy: staffIdOf(actor) ? t.getReference(Staff, staffIdOf(actor)!, { wrapped: true }) : null,
            createdAt: now,
            updatedAt: now,
            sentAt: now,
          });
          const lines = this.addLines(t, estimate, drafts);
          await t.flush();
          const totals = totalsOf(countedLines(lines), estimate.taxBasisPoints);
          return {
            aggregate: estimate,
            facts: [
              { kind: EstimateEventKind.SUPPLEMENTAL_ADDED, data: { ...this.savedFacts(estimate, wo, lines), reason } },
              { kind: EstimateEventKind.SENT, data: { workOrderId: wo.id, totalFen: totals.totalFen, customerFen: totals.customerFen } },
            ],
          };
        },
      });
      if (!created.ok) return created;
      const estimate = created.value;
      let workOrder = estimate.workOrder.getEntity();
      const labour = estimate.lines.getItems().filter((l) => l.kind === K.LABOUR);
      if (labour.length) {
        const jobs = labour.map((l) => ({ title: l.description, skill: l.skill!, standardMinutes: Math.round((l.hoursCenti! * 60) / 100), payer: JobPayer[l.payer] }));
        const added = await this.workOrders.addJobs(tx, actor, workOrder.id, jobs, JobStatus.WAITING_APPROVAL, { estimateId: estimate.id });
        if (!added.ok) return added;
        labour.forEach((l, i) => (l.jobId = added.value.jobs[i].id));
        await tx.flush();
        workOrder = added.value.workOrder;
      }
      return ok({ estimate, workOrder });
    });
  }

  /**
   * R-EST-6: what may be charged on the order: the approved lines of its approved estimates (main and
   * supplemental), each at its estimate's tax rate. Nothing unapproved is ever in it.
   */
  async chargeable(em: EntityManager, storeId: number, workOrderId: number): Promise<Totals> {
    const estimates = await em.find(Estimate, { store: storeId, workOrder: workOrderId, status: S.APPROVED }, { populate: ['lines'] });
    const sum: Totals = { partsFen: 0, labourFen: 0, feesFen: 0, taxFen: 0, totalFen: 0, customerFen: 0, warrantyFen: 0, insuranceFen: 0 };
    for (const e of estimates) {
      const t = this.totals(e, e.lines.getItems());
      for (const k of Object.keys(sum) as (keyof Totals)[]) sum[k] += t[k];
    }
    return sum;
  }

  /**
   * R-EST-6, for the cash desk: the approved lines of the order's approved estimates (main and
   * supplemental), in estimate and line order, each with its estimate's id and tax rate (tax is per
   * estimate and payer, as in `chargeable`). Two statements whatever the number of lines.
   */
  async chargeableLines(em: EntityManager, storeId: number, workOrderId: number): Promise<ChargeableLine[]> {
    const estimates = await em.find(Estimate, { store: storeId, workOrder: workOrderId, status: S.APPROVED }, { populate: ['lines'], orderBy: { id: 'asc' } });
    return estimates.flatMap((e) =>
      e.lines
        .getItems()
        .filter((l) => l.decision === LineDecision.APPROVED)
        .sort((a, b) => a.position - b.position)
        .map((l) => ({
          estimateId: e.id,
          lineId: l.id,
          description: l.description,
          kind: l.kind,
          amountFen: l.amountFen,
          payer: l.payer,
          taxBasisPoints: e.taxBasisPoints,
          catalogPartId: l.catalogPartId ?? null,
          partNumber: l.partNumber ?? null,
          quantityMilli: l.quantityMilli ?? null,
        })),
    );
  }

  // ---- approval (R-EST-3/4/5, R-APT-8) -----------------------------------------------------

  /**
   * Records the customer's decision on a SENT estimate: approved, deferred and (the rest) declined
   * lines, who, when, how and the total — immutable. Deferred lines become carried-over items of the
   * vehicle (R-APT-8). Approving the main estimate of an AWAITING_APPROVAL order moves it to QUEUED,
   * all in one transaction. A customer actor may approve only its own order's pending estimate.
   */
  async approve(em: EntityManager, actor: Actor, input: ApprovalRequest, uploads?: SignatureCheck): Promise<Result<EstimateAndOrder>> {
    const check = new InputCheck();
    const note = check.text(['note'], input.note, { max: 500, multiline: true });
    const approverName = check.text(['approverName'], input.approverName, { max: 60 });
    const ids = (list: 'approvedLineIds' | 'deferredLineIds') =>
      input[list].map((g, i) => {
        const parsed = dbId(g, 'EstimateLine');
        if (!parsed) check.fail([list, i], 'INVALID_ID');
        return parsed ?? 0;
      });
    const approvedIds = ids('approvedLineIds');
    const deferredIds = ids('deferredLineIds');
    if (approvedIds.length + deferredIds.length > LIMITS.maxLines * 2) check.fail(['approvedLineIds'], E.TOO_MANY, { max: LIMITS.maxLines });
    if (actor.kind === 'customer') {
      if (input.method !== ApprovalMethod.LINK) check.fail(['method'], E.METHOD_NOT_ALLOWED);
      if (!approverName) check.fail(['approverName'], 'REQUIRED');
    } else if (input.method === ApprovalMethod.LINK) check.fail(['method'], E.METHOD_NOT_ALLOWED);
    else if (input.method === ApprovalMethod.PHONE && !note) check.fail(['note'], E.NOTE_REQUIRED);
    let signatureId: number | null = null;
    if (input.method === ApprovalMethod.ON_SITE_SIGNATURE && actor.kind !== 'customer') {
      signatureId = input.signatureId ? dbId(input.signatureId, 'Upload') : null;
      if (!input.signatureId) check.fail(['signatureId'], E.SIGNATURE_REQUIRED);
      else if (!signatureId) check.fail(['signatureId'], 'INVALID_ID');
      // The signature is evidence only through the upload module; a caller without it cannot record one.
      else if (!uploads) check.fail(['signatureId'], E.SIGNATURE_UPLOADS_NOT_AVAILABLE);
    } else if (input.signatureId != null) check.fail(['signatureId'], E.LINE_FIELD_NOT_APPLICABLE);
    const id = dbId(input.estimateId, 'Estimate');
    if (!id) check.fail(['estimateId'], 'NOT_FOUND', { what: 'Estimate' });
    if (check.failed) return refuse(...check.errors);
    const storeId = actor.storeId;

    return this.inOne(em, async (tx) => {
      if (signatureId) {
        const signature = await uploads!.requireReady(tx, storeId, [signatureId], [UploadPurpose.SIGNATURE], ['input', 'signatureId']);
        if (!signature.ok) return signature;
      }
      let deferred: EstimateLine[] = [];
      const decided = await this.log.change(tx, actor, {
        type: ESTIMATE,
        storeId,
        load: (t) =>
          t.findOne(Estimate, { id: id!, store: storeId, ...(actor.kind === 'customer' ? { workOrder: actor.workOrderId } : {}) }, { refresh: true, populate: ['lines', 'workOrder'] }),
        notFound: actor.kind === 'customer' ? refusal(E.NO_PENDING_ESTIMATE, ['input', 'estimateId']) : notFound('Estimate', ['input', 'estimateId']),
        expectedVersion: input.expectedVersion,
        apply: async (t, estimate, at) => {
          if (!mayMove('DECIDE', estimate.status)) {
            return [actor.kind === 'customer' ? refusal(E.NO_PENDING_ESTIMATE, ['input', 'estimateId']) : refusal(E.ESTIMATE_NOT_SENT, ['input', 'estimateId'], { status: estimate.status })];
          }
          const wo = estimate.workOrder.getEntity();
          if (estimate.supplemental ? !SUPPLEMENTAL_ORDER_STATUSES.includes(wo.status) : !MAIN_ESTIMATE_ORDER_STATUSES.includes(wo.status)) {
            return [refusal(estimate.supplemental ? E.ORDER_NOT_IN_WORKSHOP : E.ORDER_NOT_ESTIMATING, ['input', 'estimateId'], { status: wo.status })];
          }
          const lines = estimate.lines.getItems();
          const { problems, decisions } = decide(lines, approvedIds, deferredIds);
          if (problems.length) {
            return problems.map((p) => {
              switch (p.code) {
                case 'ALTERNATIVES_CONFLICT':
                  return refusal(E.ALTERNATIVES_CONFLICT, ['input', 'approvedLineIds'], { group: p.group });
                case 'NOT_DEFERRABLE':
                  return refusal(E.NOT_DEFERRABLE, ['input', 'deferredLineIds', String(p.index)]);
                case 'WARRANTY_NOT_CONFIRMED':
                  return refusal(E.WARRANTY_NOT_CONFIRMED, ['input', 'approvedLineIds', String(p.index)]);
                default:
                  return refusal(E[p.code], ['input', p.list, String(p.index)]);
              }
            });
          }
          const approvedCount = [...decisions.values()].filter((d) => d === LineDecision.APPROVED).length;
          if (!estimate.supplemental && approvedCount === 0) return [refusal(E.NOTHING_APPROVED, ['input', 'approvedLineIds'])];
          for (const line of lines) line.decision = decisions.get(line.id)!;
          estimate.status = approvedCount > 0 ? S.APPROVED : S.DECLINED;
          const totals = this.totals(estimate, lines);
          const customer = await t.findOneOrFail(Customer, wo.customer.id);
          const approval = t.create(EstimateApproval, {
            store: storeId,
            estimate,
            estimateVersion: estimate.version,
            method: input.method,
            approvedAt: at,
            approverName: approverName ?? customer.name,
            approvedBy: staffIdOf(actor) ? t.getReference(Staff, staffIdOf(actor)!, { wrapped: true }) : null,
            note,
            signature: signatureId ? t.getReference(Upload, signatureId, { wrapped: true }) : null,
            approvedLineIds: lines.filter((l) => l.decision === LineDecision.APPROVED).map((l) => l.id),
            deferredLineIds: lines.filter((l) => l.decision === LineDecision.DEFERRED).map((l) => l.id),
            declinedLineIds: lines.filter((l) => l.decision === LineDecision.DECLINED).map((l) => l.id),
            totalFen: totals.totalFen,
            customerFen: totals.customerFen,
          });
          await t.flush();
          deferred = lines.filter((l) => l.decision === LineDecision.DEFERRED);
          return {
            kind: estimate.status === S.APPROVED ? EstimateEventKind.APPROVED : EstimateEventKind.DECLINED,
            data: {
              workOrderId: wo.id,
              approvalId: approval.id,
              method: input.method,
              supplemental: estimate.supplemental,
              approvedLineIds: approval.approvedLineIds,
              deferredLineIds: approval.deferredLineIds,
              declinedLineIds: approval.declinedLineIds,
              totalFen: totals.totalFen,
              customerFen: totals.customerFen,
            },
          };
        },
      });
      if (!decided.ok) return decided;
      const estimate = decided.value;
      let wo = estimate.workOrder.getEntity();

      // R-EST-3 / R-APT-8: deferred lines are remembered for the vehicle's next visit.
      for (const line of deferred) {
        const item = await this.appointments.recordCarriedOver(tx, actor, { vehicleId: toGlobalId('Vehicle', wo.vehicle.id), description: line.description, risk: line.risk ?? null });
        if (!item.ok) return item;
      }

      // R-EST-6: the decision on supplemental work releases its approved jobs and withdraws the others.
      const jobLines = estimate.lines.getItems().filter((l) => l.jobId != null);
      if (estimate.supplemental && jobLines.length) {
        const mover = actor.kind === 'customer' ? systemActor(storeId, 'estimate-approval') : actor;
        const released = await this.workOrders.releaseJobs(
          tx,
          mover,
          wo.id,
          jobLines.filter((l) => l.decision === LineDecision.APPROVED).map((l) => l.jobId!),
          jobLines.filter((l) => l.decision !== LineDecision.APPROVED).map((l) => l.jobId!),
          { estimateId: estimate.id },
        );
        if (!released.ok) return released;
        wo = released.value;
      }

      // R-EST-4: the approved main estimate lets the order into the queue (the system moves it for a customer's link).
      if (!estimate.supplemental && estimate.status === S.APPROVED && wo.status === WO.AWAITING_APPROVAL) {
        const mover = actor.kind === 'customer' ? systemActor(storeId, 'estimate-approval') : actor;
        const moved = await this.workOrders.transition(tx, mover, { id: wo.globalId, to: WO.QUEUED });
        if (!moved.ok) return moved;
        wo = moved.value;
      }
      return ok({ estimate, workOrder: wo });
    });
  }

  // ---- warranty (R-EST-5) ------------------------------------------------------------------

  /** R-EST-5: eligibility on the store's calendar day at `mileage`, from the vehicle's purchase date and terms; null for an unknown vehicle. */
  async warrantyEligibility(em: EntityManager, storeId: number, vehicleGlobalId: string, mileage: number): Promise<Result<Eligibility | null>> {
    const check = new InputCheck([]);
    check.range(['mileage'], mileage, 0, MAX_MILEAGE_KM);
    if (check.failed) return refuse(...check.errors);
    const id = dbId(vehicleGlobalId, 'Vehicle');
    const vehicle = id ? await em.findOne(Vehicle, { id, store: storeId }, { populate: ['store'] }) : null;
    if (!vehicle) return ok(null);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: vehicle.store.getEntity().timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(this.log.clock.now());
    return ok(warrantyEligibility(vehicle, today, mileage));
  }

  /**
   * R-EST-5: the warranty clerk confirms a WARRANTY line (covered: billed to the manufacturer) or not (the
   * line becomes payer CUSTOMER; the payer asked for is kept, so the clerk may still change the decision).
   * Only before the customer's decision (DRAFT or SENT); the estimate's version moves, so an approval of
   * what the customer saw before is refused with STALE_VERSION.
   */
  async confirmWarranty(em: EntityManager, actor: Actor, input: ConfirmWarrantyInput): Promise<Result<EstimateLine>> {
    const check = new InputCheck();
    const claimNumber = check.text(['claimNumber'], input.claimNumber, { max: 60 });
    const note = check.text(['note'], input.note, { max: 500, multiline: true });
    const lineId = dbId(input.estimateLineId, 'EstimateLine');
    if (!lineId) check.fail(['estimateLineId'], 'NOT_FOUND', { what: 'EstimateLine' });
    if (check.failed) return refuse(...check.errors);
    let changed: EstimateLine | null = null;
    const result = await this.log.change(em, actor, {
      type: ESTIMATE,
      storeId: actor.storeId,
      load: async (tx) => {
        const line = await tx.findOne(EstimateLine, { id: lineId!, estimate: { store: actor.storeId } });
        return line ? tx.findOne(Estimate, { id: line.estimate.id }, { refresh: true, populate: ['lines'] }) : null;
      },
      notFound: notFound('EstimateLine', ['input', 'estimateLineId']),
      apply: async (tx, estimate, at) => {
        if (!OPEN.includes(estimate.status)) return [refusal(E.ESTIMATE_NOT_EDITABLE, ['input', 'estimateLineId'], { status: estimate.status })];
        const line = estimate.lines.getItems().find((l) => l.id === lineId)!;
        const asked = line.requestedPayer ?? line.payer;
        if (asked !== EstimatePayer.WARRANTY) return [refusal(E.NOT_A_WARRANTY_LINE, ['input', 'estimateLineId'])];
        line.warrantyConfirmed = input.eligible;
        line.warrantyClaimNumber = claimNumber;
        line.warrantyNote = note;
        line.warrantyDecidedAt = at;
        line.warrantyDecidedBy = staffIdOf(actor) ? tx.getReference(Staff, staffIdOf(actor)!, { wrapped: true }) : null;
        line.payer = input.eligible ? EstimatePayer.WARRANTY : EstimatePayer.CUSTOMER;
        line.requestedPayer = input.eligible ? null : EstimatePayer.WARRANTY;
        changed = line;
        return { kind: EstimateEventKind.WARRANTY_DECIDED, data: { workOrderId: estimate.workOrder.id, lineId: line.id, eligible: input.eligible, claimNumber, payer: line.payer } };
      },
    });
    return result.ok ? ok(changed!) : result;
  }

  // ---- reads -------------------------------------------------------------------------------

  findById(em: EntityManager, storeId: number, globalId: string) {
    const id = dbId(globalId, 'Estimate');
    return id ? em.findOne(Estimate, { id, store: storeId }) : Promise.resolve(null);
  }

  ofWorkOrder(em: EntityManager, storeId: number, workOrderId: number) {
    return em.find(Estimate, { store: storeId, workOrder: workOrderId }, { orderBy: { id: 'asc' } });
  }

  /** The estimate waiting for the customer (SENT), newest first; what the customer's link shows. */
  async pending(em: EntityManager, storeId: number, workOrderId: number): Promise<Estimate | null> {
    const [found] = await em.find(Estimate, { store: storeId, workOrder: workOrderId, status: S.SENT }, { orderBy: { id: 'desc' }, limit: 1, populate: ['lines'] });
    return found ?? null;
  }

  /** R-EST-4: whether the order has an approved main estimate (the APPROVAL_REQUIRED guard). */
  static async hasApproval(tx: EntityManager, workOrderId: number): Promise<boolean> {
    return (await tx.count(Estimate, { workOrder: workOrderId, supplemental: false, status: S.APPROVED })) > 0;
  }

  /** Whether the actor may read estimates. */
  static mayRead(actor: Actor): boolean {
    return actsAs(actor, ESTIMATE_READER_ROLES);
  }
}

/** A line's derived amount; above LIMITS.maxLineFen the quantity or hours (or the fee) are refused. */
function lineAmountOrRefuse(check: InputCheck, at: (string | number)[], priced: Parameters<typeof lineAmountFen>[0]): number {
  const amount = lineAmountFen(priced);
  if (amount > LIMITS.maxLineFen) check.fail([...at, priced.kind === K.PART ? 'quantity' : priced.kind === K.LABOUR ? 'standardHours' : 'amountFen'], E.AMOUNT_TOO_LARGE, { max: LIMITS.maxLineFen / 100 });
  return amount;
}

/**
 * R-EST-6: a car whose supplemental work waits for the customer's decision does not go to quality
 * check: the decision (approve, defer or decline) comes first.
 */
export const supplementalDecidedGuard: TransitionGuard = {
  name: 'estimate.supplemental-decided',
  applies: (_from, to) => to === WO.QUALITY_CHECK,
  check: async ({ tx, workOrder }) =>
    (await tx.count(Estimate, { workOrder: workOrder.id, supplemental: true, status: S.SENT })) ? [refusal(E.SUPPLEMENTAL_APPROVAL_PENDING, ['input', 'to'])] : null,
};

/**
 * R-EST-4: AWAITING_APPROVAL → QUEUED only once the customer approved the order's estimate. Applies
 * to every actor, the system actor of jobs and the demo seed included.
 */
export const approvalRequiredGuard: TransitionGuard = {
  name: 'estimate.approval-required',
  applies: (from, to) => from === WO.AWAITING_APPROVAL && to === WO.QUEUED,
  check: async ({ tx, workOrder }) => ((await EstimateService.hasApproval(tx, workOrder.id)) ? null : [refusal(E.APPROVAL_REQUIRED, ['input', 'to'])]),
};
