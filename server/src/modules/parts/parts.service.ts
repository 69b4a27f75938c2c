import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventLog } from '../../events/event-log.js';
import type { Services } from '../../services.types.js';
import { type Actor, actsAs, actorRef, staffIdOf } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { requestLoader } from '../../shared/request-loader.js';
import { toConnection, type Connection, type PageRequest } from '../../shared/page.js';
import { notFound, ok, refuse, refusal, type Refusal, type Result } from '../../shared/result.js';
import type { Appointment } from '../appointment/appointment.entity.js';
import type { AppointmentParts, BookedPart, PartsShortage } from '../appointment/appointment.parts.js';
import type { CatalogPart, EstimateCatalog } from '../estimate/estimate.catalog.js';
import { MANAGER_ROLES, Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { Job } from '../work-order/job.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { WORK_ORDER } from '../work-order/work-order-event.js';
import { JobStatus, WorkOrderEventKind, WorkOrderStatus as WO } from '../work-order/work-order.enums.js';
import type { AdjustStockInput, CreatePartInput, CreatePurchaseRequestInput, IssuePartsInput, PartFilter, PurchaseRequestFilter, ReceiveStockInput, ReturnPartsInput, TransitionPurchaseRequestInput } from './dto/parts.dto.js';
import { Part, PartIssue, PartReservation, PartStock, PurchaseRequest, StockMovement } from './parts.entity.js';
import { PartsEventKind, PurchaseRequestOrigin, PurchaseRequestStatus as PR, StockMovementKind as K } from './parts.enums.js';
import { PartsError as E } from './parts.errors.js';
import { findPurchaseRequestTransition, FIT_OVERRIDE_ROLES, OPEN_REQUEST } from './parts.process.js';
import { applyDeltas, fits, issueDeltas, needsReorder, normalizePartNumber } from './parts.rules.js';
import { storeTimezone } from '../../shared/sql.js';

export const PART = 'Part';
export const PART_STOCK = 'PartStock';
export const PURCHASE_REQUEST = 'PurchaseRequest';
const MAX_LINES = 20;
const MAX_MODELS = 50;
const MAX_UNITS = 100_000;
const MAX_PRICE_FEN = 10_000_000;
/** Orders parts may be returned from (not once READY: the order may be settled). */
const RETURNABLE: readonly WO[] = [WO.IN_PROGRESS, WO.ON_HOLD, WO.QUALITY_CHECK, WO.WASHING, WO.CANCELLED];

/** One movement as PartsService.move makes it. */
export interface MovementSpec {
  partId: number;
  kind: K;
  quantity: number;
  onHandDelta: number;
  reservedDelta: number;
  reason?: string | null;
  appointmentId?: number | null;
  workOrderId?: number | null;
  partIssueId?: number | null;
  purchaseRequestId?: number | null;
  /** Where an INSUFFICIENT_STOCK refusal points. */
  field?: string[];
  /** What the order may use beyond the available stock (its appointment's hold), for the refusal's message. */
  held?: number;
}

/** issueParts / requestParts input, checked. */
interface IssueRequest {
  workOrderId: number;
  jobId: number;
  lines: { partId: number; quantity: number }[];
  overrideReason: string | null;
}

/** What issuing to a job reads once (under the store lock). */
interface IssueContext {
  wo: WorkOrder;
  job: Job;
  byId: Map<number, Part>;
  model: string;
  appointmentId: number | null;
  holds: PartReservation[];
  overrideReason: string | null;
}

/** Rolls the outer transaction back and carries the refusals out. */
class Refused extends Error {
  constructor(readonly refusals: Refusal[]) {
    super('refused');
  }
}

const loadStock = requestLoader(async (em, partIds: readonly number[]) => {
  const byPart = new Map((await em.find(PartStock, { part: { $in: [...partIds] } })).map((r) => [r.part.id, r]));
  return partIds.map((id) => byPart.get(id) ?? null);
});
const loadIssues = requestLoader(async (em, jobIds: readonly number[]) => {
  const rows = await em.find(PartIssue, { job: { $in: [...jobIds] } }, { orderBy: { id: 'asc' } });
  return jobIds.map((id) => rows.filter((r) => r.job.id === id));
});
const loadReservations = requestLoader(async (em, appointmentIds: readonly number[]) => {
  const rows = await em.find(PartReservation, { appointment: { $in: [...appointmentIds] } }, { populate: ['part'], orderBy: { id: 'asc' } });
  return appointmentIds.map((id) => rows.filter((r) => r.appointment.id === id));
});

/**
 * The parts catalog, stock and its movements, purchase requests, and issues to work orders (R-WO-5,
 * R-APT-4/5). On hand and reserved change only through `move` (one movement row and one event each),
 * under the store lock and the stock row's lock.
 */
export class PartsService implements AppointmentParts, EstimateCatalog {
  constructor(
    private readonly log: EventLog,
    private readonly registry: () => Services,
  ) {}

  /** Several changes in one transaction (each through the log's change path); the first refusal rolls everything back. */
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

  /** The store's event lock first (as every change takes it), so checks made before the first change see the latest state. */
  private async lockStore(tx: EntityManager, storeId: number): Promise<void> {
    await tx.execute('select id from store where id = ? for update', [storeId]);
  }

  // ---- catalog -----------------------------------------------------------------------------

  async createPart(em: EntityManager, actor: Actor, input: CreatePartInput): Promise<Result<Part>> {
    const check = new InputCheck();
    const rawNumber = check.text(['partNumber'], input.partNumber, { max: 40, required: true });
    const partNumber = rawNumber ? normalizePartNumber(rawNumber) : null;
    const name = check.text(['name'], input.name, { max: 120, required: true });
    whole(check, ['unitPriceFen'], input.unitPriceFen, 0, MAX_PRICE_FEN);
    const models = input.fitsModels ?? [];
    if (models.length > MAX_MODELS) check.fail(['fitsModels'], E.TOO_MANY, { max: MAX_MODELS });
    const fitsModels = [...new Set(models.slice(0, MAX_MODELS).map((m, i) => check.text(['fitsModels', i], m, { max: 80, required: true })?.replace(/\s+/g, ' ') ?? ''))];
    whole(check, ['reorderPoint'], input.reorderPoint, 0, MAX_UNITS);
    whole(check, ['reorderQuantity'], input.reorderQuantity, 0, MAX_UNITS);
    if (check.failed) return refuse(...check.errors);
    return this.inOne(em, (tx) =>
      this.log.create(tx, actor, {
        type: PART,
        storeId: actor.storeId,
        build: async (t, now) => {
          if (await t.count(Part, { store: actor.storeId, partNumber: partNumber! })) return [refusal(E.PART_NUMBER_TAKEN, ['input', 'partNumber'], { partNumber: partNumber! })];
          const part = t.create(Part, { store: actor.storeId, partNumber: partNumber!, name: name!, source: input.source, unitPriceFen: input.unitPriceFen, fitsModels, createdAt: now, updatedAt: now });
          const stock = t.create(PartStock, { store: actor.storeId, part, reorderPoint: input.reorderPoint ?? 0, reorderQuantity: input.reorderQuantity ?? 0, updatedAt: now });
          await t.flush();
          part.stockRow = stock;
          const reordered = await this.reorderIfNeeded(t, actor, stock);
          if (!reordered.ok) return reordered.errors;
          return { aggregate: part, facts: [{ kind: PartsEventKind.PART_CREATED, data: { partNumber: part.partNumber, source: part.source, unitPriceFen: part.unitPriceFen } }] };
        },
      }),
    );
  }

  /**
   * The catalog page: one statement for the page's ids and the total, one for the parts with their
   * stock (one more to read the vehicle's model for `fitsVehicleId`) — whatever the number of parts.
   */
  async list(em: EntityManager, storeId: number, page: PageRequest, filter?: PartFilter | null): Promise<Connection<Part>> {
    const where: string[] = ['p.store_id = ?'];
    const params: unknown[] = [storeId];
    const search = filter?.search?.trim().slice(0, 60);
    if (search) {
      where.push(`(p.part_number like ? or p.name ilike ?)`);
      params.push(`${normalizePartNumber(search).replace(/[\\%_]/g, '\\$&')}%`, `%${search.replace(/[\\%_]/g, '\\$&')}%`);
    }
    if (filter?.fitsVehicleId != null) {
      const vehicleId = dbId(filter.fitsVehicleId, 'Vehicle');
      const vehicle = vehicleId ? await em.findOne(Vehicle, { id: vehicleId, store: storeId }, { fields: ['model'] }) : null;
      if (!vehicle) return toConnection([], 0, page);
      where.push(`(jsonb_array_length(p.fits_models) = 0 or exists (select 1 from jsonb_array_elements_text(p.fits_models) m where lower(regexp_replace(btrim(m), '\\s+', ' ', 'g')) = lower(regexp_replace(btrim(?), '\\s+', ' ', 'g'))))`);
      params.push(vehicle.model);
    }
    const bounds: string[] = [];
    if (page.afterId !== null) {
      bounds.push('p.id > ?');
      params.push(page.afterId);
    }
    if (page.beforeId !== null) {
      bounds.push('p.id < ?');
      params.push(page.beforeId);
    }
    const rows = await em.execute<{ id: number; total: string }[]>(
      `select f.id, f.total from (select p.id, count(*) over () as total from part p where ${where.join(' and ')}) f
        where true ${bounds.map((b) => `and ${b.replace('p.id', 'f.id')}`).join(' ')}
        order by f.id ${page.backward ? 'desc' : 'asc'} limit ?`,
      [...params, page.limit + 1],
    );
    // The total counts the filter, not the cursor bounds: read it without them when the page is empty.
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && (page.afterId !== null || page.beforeId !== null)) {
      const [c] = await em.execute<{ n: string }[]>(`select count(*) as n from part p where ${where.join(' and ')}`, params.slice(0, params.length - bounds.length));
      total = Number(c.n);
    }
    const ids = rows.map((r) => Number(r.id));
    const parts = ids.length ? await em.find(Part, { id: { $in: ids } }, { populate: ['stockRow'] }) : [];
    const byId = new Map(parts.map((p) => [p.id, p]));
    return toConnection(ids.map((id) => byId.get(id)!), total, page);
  }

  /** The estimate module's EstimateCatalog port: parts by id with their fit against the vehicle's model (one statement). */
  async catalogParts(em: EntityManager, storeId: number, ids: readonly number[], vehicleModel: string): Promise<CatalogPart[]> {
    if (!ids.length) return [];
    const parts = await em.find(Part, { id: { $in: [...ids] }, store: storeId });
    return parts.map((p) => ({ id: p.id, partNumber: p.partNumber, name: p.name, source: p.source, unitPriceFen: p.unitPriceFen, fits: fits(p.fitsModels, vehicleModel) }));
  }

  findPart(em: EntityManager, storeId: number, globalId: string) {
    const id = dbId(globalId, PART);
    return id ? em.findOne(Part, { id, store: storeId }) : Promise.resolve(null);
  }

  /** The part's stock, batched per request. */
  stockOf(em: EntityManager, part: Part): PartStock | Promise<PartStock | null> {
    return part.stockRow ?? loadStock(em, part.id);
  }

  // ---- movements (R-WO-5) ------------------------------------------------------------------

  /**
   * The one way on hand and reserved change: locks the stock row (SELECT … FOR UPDATE, under the store
   * lock the log takes), refuses anything that would make either negative or reserved exceed on hand
   * (INSUFFICIENT_STOCK), writes one movement row with the actor and the balances after, appends one
   * event, and raises a purchase request when available stock falls to the reorder point.
   */
  async move(em: EntityManager, actor: Actor, m: MovementSpec): Promise<Result<PartStock>> {
    const storeId = actor.storeId;
    const moved = await this.log.change(em, actor, {
      type: PART_STOCK,
      storeId,
      load: async (tx) => {
        await tx.execute('select id from part_stock where part_id = ? and store_id = ? for update', [m.partId, storeId]);
        return tx.findOne(PartStock, { part: m.partId, store: storeId }, { refresh: true, populate: ['part'] });
      },
      notFound: notFound(PART, m.field ?? ['input', 'partId']),
      apply: async (tx, stock, at) => {
        const after = applyDeltas(stock, m.onHandDelta, m.reservedDelta);
        const part = stock.part.getEntity();
        if (!after) {
          if (m.kind === K.ADJUST) return [refusal(E.STOCK_BELOW_RESERVED, m.field ?? ['input', 'delta'], { onHand: stock.onHand + m.onHandDelta, reserved: stock.reserved })];
          return [refusal(E.INSUFFICIENT_STOCK, m.field ?? ['input', 'quantity'], { partNumber: part.partNumber, quantity: m.quantity, available: stock.available + (m.held ?? 0) })];
        }
        stock.onHand = after.onHand;
        stock.reserved = after.reserved;
        const who = actorRef(actor);
        const row = tx.create(StockMovement, {
          store: storeId,
          part: stock.part,
          kind: m.kind,
          quantity: m.quantity,
          onHandDelta: m.onHandDelta,
          reservedDelta: m.reservedDelta,
          onHandAfter: after.onHand,
          reservedAfter: after.reserved,
          reason: m.reason ?? null,
          actorKind: who.kind,
          actor: staffIdOf(actor) ? tx.getReference(Staff, staffIdOf(actor)!, { wrapped: true }) : null,
          appointment: m.appointmentId ?? null,
          workOrder: m.workOrderId ?? null,
          partIssueId: m.partIssueId ?? null,
          purchaseRequestId: m.purchaseRequestId ?? null,
          at,
        });
        await tx.flush();
        return {
          kind: PartsEventKind.STOCK_MOVED,
          data: {
            partId: part.id,
            movementId: row.id,
            movement: m.kind,
            quantity: m.quantity,
            onHand: after.onHand,
            reserved: after.reserved,
            appointmentId: m.appointmentId ?? null,
            workOrderId: m.workOrderId ?? null,
            purchaseRequestId: m.purchaseRequestId ?? null,
          },
        };
      },
    });
    if (!moved.ok) return moved;
    if (m.onHandDelta < 0 || m.reservedDelta > 0) {
      const reordered = await this.reorderIfNeeded(em, actor, moved.value);
      if (!reordered.ok) return reordered;
    }
    return moved;
  }

  /** Stock at or below the reorder point raises a purchase request by itself — once: not while one it raised is still open. */
  private async reorderIfNeeded(tx: EntityManager, actor: Actor, stock: PartStock): Promise<Result<PurchaseRequest | null>> {
    if (!needsReorder(stock.available, stock.reorderPoint, stock.reorderQuantity)) return ok(null);
    const partId = stock.part.id;
    if (await tx.count(PurchaseRequest, { part: partId, origin: PurchaseRequestOrigin.REORDER_POINT, status: { $in: [...OPEN_REQUEST] } })) return ok(null);
    return this.createRequest(tx, actor, {
      partId,
      quantity: stock.reorderQuantity,
      origin: PurchaseRequestOrigin.REORDER_POINT,
      params: { available: stock.available, reorderPoint: stock.reorderPoint },
    });
  }

  private createRequest(
    em: EntityManager,
    actor: Actor,
    r: {
      partId: number;
      quantity: number;
      origin: PurchaseRequestOrigin;
      params?: Record<string, string | number>;
      note?: string | null;
      appointmentId?: number | null;
      customerId?: number | null;
      vehicleId?: number | null;
      taskId?: number | null;
      workOrderId?: number | null;
      jobId?: number | null;
    },
  ): Promise<Result<PurchaseRequest>> {
    return this.log.create(em, actor, {
      type: PURCHASE_REQUEST,
      storeId: actor.storeId,
      build: async (tx, now) => {
        const request = tx.create(PurchaseRequest, {
          store: actor.storeId,
          part: tx.getReference(Part, r.partId, { wrapped: true }),
          quantity: r.quantity,
          origin: r.origin,
          params: r.params ?? {},
          note: r.note ?? null,
          appointment: r.appointmentId ?? null,
          customer: r.customerId ?? null,
          vehicle: r.vehicleId ?? null,
          followUpTask: r.taskId ?? null,
          workOrder: r.workOrderId ?? null,
          job: r.jobId ?? null,
          createdBy: staffIdOf(actor) ? tx.getReference(Staff, staffIdOf(actor)!, { wrapped: true }) : null,
          createdAt: now,
          updatedAt: now,
        });
        await tx.flush();
        return {
          aggregate: request,
          facts: [{ kind: PartsEventKind.PURCHASE_REQUESTED, data: { to: PR.OPEN, partId: r.partId, quantity: r.quantity, origin: r.origin, appointmentId: r.appointmentId ?? null, followUpTaskId: r.taskId ?? null, workOrderId: r.workOrderId ?? null, jobId: r.jobId ?? null } }],
        };
      },
    });
  }

  // ---- receiving and adjusting (parts department) ------------------------------------------

  /** Goods in: a RECEIVE movement; a named purchase request counts them and is RECEIVED once all it asked for came (its follow-up task, if any, becomes due). */
  async receiveStock(em: EntityManager, actor: Actor, input: ReceiveStockInput): Promise<Result<{ part: Part; purchaseRequest: PurchaseRequest | null }>> {
    const check = new InputCheck();
    whole(check, ['quantity'], input.quantity, 1, MAX_UNITS);
    const note = check.text(['note'], input.note, { max: 500 });
    const partId = dbId(input.partId, PART);
    if (!partId) check.fail(['partId'], 'INVALID_ID');
    const requestId = input.purchaseRequestId == null ? null : dbId(input.purchaseRequestId, PURCHASE_REQUEST);
    if (input.purchaseRequestId != null && !requestId) check.fail(['purchaseRequestId'], 'INVALID_ID');
    if (check.failed) return refuse(...check.errors);
    return this.inOne(em, async (tx) => {
      const moved = await this.move(tx, actor, { partId: partId!, kind: K.RECEIVE, quantity: input.quantity, onHandDelta: input.quantity, reservedDelta: 0, reason: note, purchaseRequestId: requestId });
      if (!moved.ok) return moved;
      let request: PurchaseRequest | null = null;
      if (requestId) {
        let taskDue: number | null = null;
        const received = await this.log.change(tx, actor, {
          type: PURCHASE_REQUEST,
          storeId: actor.storeId,
          load: (t) => t.findOne(PurchaseRequest, { id: requestId, store: actor.storeId }, { refresh: true }),
          notFound: notFound(PURCHASE_REQUEST, ['input', 'purchaseRequestId']),
          apply: async (t, pr, at) => {
            if (pr.part.id !== partId) return [refusal(E.PURCHASE_REQUEST_OF_ANOTHER_PART, ['input', 'purchaseRequestId'])];
            if (!OPEN_REQUEST.includes(pr.status)) return [refusal(E.PURCHASE_REQUEST_CLOSED, ['input', 'purchaseRequestId'], { status: pr.status })];
            const from = pr.status;
            pr.receivedQuantity += input.quantity;
            if (pr.receivedQuantity >= pr.quantity && findPurchaseRequestTransition(from, PR.RECEIVED)) {
              pr.status = PR.RECEIVED;
              pr.receivedAt = at;
              if (pr.followUpTask) {
                await t.flush();
                const stillOpen = await t.count(PurchaseRequest, { followUpTask: pr.followUpTask.id, status: { $in: [...OPEN_REQUEST] } });
                if (!stillOpen) taskDue = pr.followUpTask.id;
              }
            }
            return { kind: PartsEventKind.PURCHASE_REQUEST_MOVED, data: { from, to: pr.status, receivedQuantity: pr.receivedQuantity, quantity: input.quantity } };
          },
        });
        if (!received.ok) return received;
        request = received.value;
        // R-WO-5: the job it was raised for waits no more (the card's WAITING_PARTS clears).
        if (request.status === PR.RECEIVED) {
          const closed = await this.requestClosed(tx, actor, request);
          if (!closed.ok) return closed;
        }
        // R-APT-5: every part the refused booking lacked is here: call the customer now.
        if (taskDue) {
          const due = await this.registry().appointments.taskDue(tx, actor, taskDue, { purchaseRequestId: request.id });
          if (!due.ok) return due;
        }
      }
      const part = await tx.findOneOrFail(Part, partId!, { populate: ['stockRow'] });
      return ok({ part, purchaseRequest: request });
    });
  }

  /** A stock count correction (ADJUST) with its reason; never below what is reserved. */
  async adjustStock(em: EntityManager, actor: Actor, input: AdjustStockInput): Promise<Result<Part>> {
    const check = new InputCheck();
    whole(check, ['delta'], input.delta, -MAX_UNITS, MAX_UNITS);
    if (input.delta === 0) check.fail(['delta'], 'OUT_OF_RANGE', { min: -MAX_UNITS, max: MAX_UNITS });
    const reason = check.text(['reason'], input.reason, { max: 500, required: true });
    const partId = dbId(input.partId, PART);
    if (!partId) check.fail(['partId'], 'INVALID_ID');
    if (check.failed) return refuse(...check.errors);
    return this.inOne(em, async (tx) => {
      const moved = await this.move(tx, actor, { partId: partId!, kind: K.ADJUST, quantity: Math.abs(input.delta), onHandDelta: input.delta, reservedDelta: 0, reason, field: ['input', 'delta'] });
      if (!moved.ok) return moved;
      return ok(await tx.findOneOrFail(Part, partId!, { populate: ['stockRow'] }));
    });
  }

  // ---- purchase requests -------------------------------------------------------------------

  async createPurchaseRequest(em: EntityManager, actor: Actor, input: CreatePurchaseRequestInput): Promise<Result<PurchaseRequest>> {
    const check = new InputCheck();
    whole(check, ['quantity'], input.quantity, 1, MAX_UNITS);
    const reason = check.text(['reason'], input.reason, { max: 500, required: true });
    const partId = dbId(input.partId, PART);
    if (!partId) check.fail(['partId'], 'INVALID_ID');
    const appointmentId = input.appointmentId == null ? null : dbId(input.appointmentId, 'Appointment');
    if (input.appointmentId != null && !appointmentId) check.fail(['appointmentId'], 'INVALID_ID');
    if (check.failed) return refuse(...check.errors);
    return this.inOne(em, async (tx) => {
      await this.lockStore(tx, actor.storeId);
      if (!(await tx.count(Part, { id: partId!, store: actor.storeId }))) return refuse(notFound(PART, ['input', 'partId']));
      if (appointmentId && !(await this.registry().appointments.findById(tx, actor.storeId, input.appointmentId!))) return refuse(notFound('Appointment', ['input', 'appointmentId']));
      return this.createRequest(tx, actor, { partId: partId!, quantity: input.quantity, origin: PurchaseRequestOrigin.MANUAL, note: reason, appointmentId });
    });
  }

  /** Moves a request along the transitions table (ORDERED, CANCELLED with a reason); RECEIVED comes only with receiveStock. */
  async transitionPurchaseRequest(em: EntityManager, actor: Actor, input: TransitionPurchaseRequestInput): Promise<Result<PurchaseRequest>> {
    const check = new InputCheck();
    const reason = check.text(['reason'], input.reason, { max: 500 });
    if (check.failed) return refuse(...check.errors);
    const id = dbId(input.id, PURCHASE_REQUEST);
    if (!id) return refuse(notFound(PURCHASE_REQUEST));
    let taskDue: number | null = null;
    return this.inOne(em, async (tx) => {
      const moved = await this.log.change(tx, actor, {
        type: PURCHASE_REQUEST,
        storeId: actor.storeId,
        load: (t) => t.findOne(PurchaseRequest, { id, store: actor.storeId }, { refresh: true }),
        notFound: notFound(PURCHASE_REQUEST),
        expectedVersion: input.expectedVersion,
        apply: async (t, pr, at) => {
          const from = pr.status;
          const rule = findPurchaseRequestTransition(from, input.to);
          if (!rule) return [refusal(E.ILLEGAL_PURCHASE_REQUEST_TRANSITION, ['input', 'to'], { from, to: input.to })];
          if (rule.via === 'RECEIVE') return [refusal(E.RECEIVE_THROUGH_STOCK, ['input', 'to'])];
          if (rule.requiresReason && !reason) return [refusal(E.REASON_REQUIRED, ['input', 'reason'])];
          pr.status = input.to;
          if (input.to === PR.ORDERED) pr.orderedAt = at;
          if (input.to === PR.CANCELLED) {
            pr.cancelReason = reason;
            // The advisor's follow-up waits for parts that will not come this way: call the customer now.
            if (pr.followUpTask) {
              await t.flush();
              if (!(await t.count(PurchaseRequest, { followUpTask: pr.followUpTask.id, status: { $in: [...OPEN_REQUEST] } }))) taskDue = pr.followUpTask.id;
            }
          }
          return { kind: PartsEventKind.PURCHASE_REQUEST_MOVED, data: { from, to: input.to, reason } };
        },
      });
      if (!moved.ok) return moved;
      if (moved.value.status === PR.CANCELLED) {
        const closed = await this.requestClosed(tx, actor, moved.value);
        if (!closed.ok) return closed;
      }
      if (taskDue) {
        const due = await this.registry().appointments.taskDue(tx, actor, taskDue, { purchaseRequestId: moved.value.id, cancelled: true });
        if (!due.ok) return due;
      }
      return moved;
    });
  }

  async purchaseRequests(em: EntityManager, storeId: number, page: PageRequest, filter?: PurchaseRequestFilter | null): Promise<Connection<PurchaseRequest>> {
    const where: Record<string, unknown> = { store: storeId };
    if (filter?.status?.length) where.status = { $in: filter.status };
    if (filter?.partId) where.part = dbId(filter.partId, PART) ?? 0;
    const id: Record<string, number> = {};
    if (page.afterId !== null) id.$gt = page.afterId;
    if (page.beforeId !== null) id.$lt = page.beforeId;
    const [rows, total] = await Promise.all([
      em.find(PurchaseRequest, { ...where, ...(Object.keys(id).length ? { id } : {}) }, { orderBy: { id: page.backward ? 'desc' : 'asc' }, limit: page.limit + 1 }),
      em.count(PurchaseRequest, where),
    ]);
    return toConnection(rows, total, page);
  }

  // ---- booking (R-APT-4/5): the appointment module's AppointmentParts port -------------------

  async reserve(tx: EntityManager, actor: Actor, appointment: Appointment, parts: readonly BookedPart[], vehicleModel: string): Promise<{ refusals: Refusal[]; shortages: PartsShortage[] } | null> {
    const storeId = actor.storeId;
    const numbers = parts.map((p) => normalizePartNumber(p.partNumber));
    const found = await tx.find(Part, { store: storeId, partNumber: { $in: numbers } }, { populate: ['stockRow'] });
    const byNumber = new Map(found.map((p) => [p.partNumber, p]));
    const refusals: Refusal[] = [];
    const shortages: PartsShortage[] = [];
    const seen = new Set<string>();
    parts.forEach((p, i) => {
      const number = numbers[i];
      const part = byNumber.get(number);
      if (seen.has(number)) refusals.push(refusal(E.PART_LISTED_TWICE, ['input', 'parts', String(i), 'partNumber']));
      seen.add(number);
      if (!part) refusals.push(refusal(E.PART_NOT_IN_CATALOG, ['input', 'parts', String(i), 'partNumber'], { partNumber: number }));
      else if (!fits(part.fitsModels, vehicleModel)) refusals.push(refusal(E.PART_DOES_NOT_FIT, ['input', 'parts', String(i), 'partNumber'], { partNumber: number, model: vehicleModel }));
    });
    if (refusals.length) return { refusals, shortages };
    // The store lock is held (the booking's transaction); the stock rows are read fresh.
    const stocks = await tx.find(PartStock, { part: { $in: found.map((p) => p.id) } }, { refresh: true });
    const stockOf = new Map(stocks.map((s) => [s.part.id, s]));
    parts.forEach((p, i) => {
      const part = byNumber.get(numbers[i])!;
      const available = stockOf.get(part.id)?.available ?? 0;
      if (available < p.quantity) {
        const s = { partId: part.id, partNumber: part.partNumber, name: part.name, quantity: p.quantity, available, missing: p.quantity - available };
        shortages.push(s);
        refusals.push(refusal(E.PARTS_SHORTAGE, ['input', 'parts', String(i), 'quantity'], { partNumber: s.partNumber, name: s.name, quantity: s.quantity, available: s.available, missing: s.missing }));
      }
    });
    if (refusals.length) return { refusals, shortages };
    for (const [i, p] of parts.entries()) {
      const part = byNumber.get(numbers[i])!;
      tx.create(PartReservation, { store: storeId, appointment: appointment.id, part: part.id, quantity: p.quantity, reserved: p.quantity });
      const moved = await this.move(tx, actor, { partId: part.id, kind: K.RESERVE, quantity: p.quantity, onHandDelta: 0, reservedDelta: p.quantity, appointmentId: appointment.id, field: ['input', 'parts', String(i), 'quantity'] });
      if (!moved.ok) return { refusals: moved.errors, shortages: [] };
    }
    return null;
  }

  async requestShortage(
    tx: EntityManager,
    actor: Actor,
    shortages: readonly PartsShortage[],
    context: { customerId: number; vehicleId: number; plate: string; slotStart: Date; taskId: number },
  ): Promise<Result<object[]>> {
    const slot = localDateTime(context.slotStart, await storeTimezone(tx, actor.storeId));
    const raised: PurchaseRequest[] = [];
    for (const s of shortages) {
      const created = await this.createRequest(tx, actor, {
        partId: s.partId,
        quantity: s.missing,
        origin: PurchaseRequestOrigin.BOOKING_SHORTAGE,
        params: { plate: context.plate, slot, quantity: s.quantity, missing: s.missing },
        customerId: context.customerId,
        vehicleId: context.vehicleId,
        taskId: context.taskId,
      });
      if (!created.ok) return created;
      raised.push(created.value);
    }
    return ok(raised);
  }

  /** R-APT-5: a cancelled booking or a no-show gives back what it held (one RELEASE movement per part). */
  release(tx: EntityManager, actor: Actor, appointmentId: number): Promise<void> {
    return this.releaseHolds(tx, actor, appointmentId, null);
  }

  /**
   * R-APT-5: the order is delivered or cancelled: what its appointment still holds goes back to stock
   * (one RELEASE movement per part, with the actor who moved the order and the order on the row).
   * A transition effect (index.ts), so it happens in the move's transaction.
   */
  async releaseForWorkOrder(tx: EntityManager, actor: Actor, workOrderId: number): Promise<void> {
    const appointmentId = (await this.registry().reception.receptionOf(tx, workOrderId))?.appointment?.id;
    if (appointmentId) await this.releaseHolds(tx, actor, appointmentId, workOrderId);
  }

  private async releaseHolds(tx: EntityManager, actor: Actor, appointmentId: number, workOrderId: number | null): Promise<void> {
    const held = await tx.find(PartReservation, { appointment: appointmentId, reserved: { $gt: 0 } }, { orderBy: { id: 'asc' } });
    for (const r of held) {
      const moved = await this.move(tx, actor, { partId: r.part.id, kind: K.RELEASE, quantity: r.reserved, onHandDelta: 0, reservedDelta: -r.reserved, appointmentId, ...(workOrderId ? { workOrderId } : {}) });
      if (!moved.ok) throw new Error(`release of appointment ${appointmentId}: ${moved.errors[0].code}`);
      r.reserved = 0;
    }
    await tx.flush();
  }

  /** What a booking holds, batched per request (a list of appointments asks for each). */
  reservationsOf(em: EntityManager, appointmentId: number): Promise<PartReservation[]> {
    return loadReservations(em, appointmentId);
  }

  // ---- issue and return (R-WO-5) -----------------------------------------------------------

  /** The input of issueParts and requestParts, checked (nothing read yet). */
  private checkIssueInput(input: IssuePartsInput, actor: Actor): { errors: Refusal[] } | IssueRequest {
    const check = new InputCheck();
    const workOrderId = dbId(input.workOrderId, 'WorkOrder');
    if (!workOrderId) check.fail(['workOrderId'], 'INVALID_ID');
    const jobId = dbId(input.jobId, 'Job');
    if (!jobId) check.fail(['jobId'], 'INVALID_ID');
    if (!input.lines.length) check.fail(['lines'], 'REQUIRED');
    if (input.lines.length > MAX_LINES) check.fail(['lines'], E.TOO_MANY, { max: MAX_LINES });
    const lines = input.lines.slice(0, MAX_LINES).map((l, i) => {
      whole(check, ['lines', i, 'quantity'], l.quantity, 1, 999);
      const partId = dbId(l.partId, PART);
      if (!partId) check.fail(['lines', i, 'partId'], 'INVALID_ID');
      return { partId: partId ?? 0, quantity: l.quantity };
    });
    lines.forEach((l, i) => {
      if (lines.findIndex((o) => o.partId === l.partId) !== i) check.fail(['lines', i, 'partId'], E.PART_LISTED_TWICE);
    });
    const overrideReason = check.text(['fitOverrideReason'], input.fitOverrideReason, { max: 500 });
    if (overrideReason && !actsAs(actor, FIT_OVERRIDE_ROLES)) check.fail(['fitOverrideReason'], E.FIT_OVERRIDE_NOT_PERMITTED);
    if (check.failed) return { errors: check.errors };
    return { workOrderId: workOrderId!, jobId: jobId!, lines, overrideReason };
  }

  /**
   * Under the store lock: the order IN_PROGRESS, the job of it and approved, the technician assigned,
   * every part of the store and fitting the vehicle (or the foreman's override); the order's
   * appointment's holds of these parts.
   */
  private async openJob(tx: EntityManager, actor: Actor, r: IssueRequest): Promise<Result<IssueContext>> {
    const storeId = actor.storeId;
    await this.lockStore(tx, storeId);
    const wo = await tx.findOne(WorkOrder, { id: r.workOrderId, store: storeId }, { refresh: true, populate: ['technicians', 'vehicle'] });
    if (!wo) return refuse(notFound('WorkOrder', ['input', 'workOrderId']));
    if (wo.status !== WO.IN_PROGRESS) return refuse(refusal(E.ORDER_NOT_IN_PROGRESS, ['input', 'workOrderId'], { status: wo.status }));
    if (onlyTechnician(actor) && !wo.technicians.getItems().some((t) => t.id === staffIdOf(actor))) return refuse(refusal(E.NOT_ASSIGNED, ['input', 'workOrderId']));
    const job = await tx.findOne(Job, { id: r.jobId, workOrder: wo.id });
    if (!job) return refuse(refusal(E.JOB_NOT_IN_ORDER, ['input', 'jobId']));
    if (job.status === JobStatus.WAITING_APPROVAL) return refuse(refusal(E.JOB_WAITING_APPROVAL, ['input', 'jobId'], { job: job.title }));
    const parts = await tx.find(Part, { id: { $in: r.lines.map((l) => l.partId) }, store: storeId });
    const byId = new Map(parts.map((p) => [p.id, p]));
    const model = wo.vehicle.getEntity().model;
    const problems: Refusal[] = [];
    r.lines.forEach((l, i) => {
      const part = byId.get(l.partId);
      if (!part) problems.push(notFound(PART, ['input', 'lines', String(i), 'partId']));
      else if (!fits(part.fitsModels, model) && !r.overrideReason) problems.push(refusal(E.PART_DOES_NOT_FIT, ['input', 'lines', String(i), 'partId'], { partNumber: part.partNumber, model }));
    });
    if (problems.length) return refuse(...problems);
    // R-APT-5: what the order's appointment holds is consumed first.
    const reception = await this.registry().reception.receptionOf(tx, wo.id);
    const appointmentId = reception?.appointment?.id ?? null;
    const holds = appointmentId ? await tx.find(PartReservation, { appointment: appointmentId, part: { $in: r.lines.map((l) => l.partId) } }) : [];
    return ok({ wo, job, byId, model, appointmentId, holds, overrideReason: r.overrideReason });
  }

  /** One line issued: a PartIssue and its ISSUE movement (the appointment's hold first). */
  private async issueLine(tx: EntityManager, actor: Actor, c: IssueContext, l: { partId: number; quantity: number }, i: number): Promise<Result<PartIssue>> {
    const part = c.byId.get(l.partId)!;
    const hold = c.holds.find((h) => h.part.id === l.partId);
    const d = issueDeltas(l.quantity, hold?.reserved ?? 0);
    const issue = tx.create(PartIssue, {
      store: actor.storeId,
      workOrder: c.wo,
      job: c.job,
      part,
      quantity: l.quantity,
      unitPriceFen: part.unitPriceFen,
      issuedAt: this.log.clock.now(),
      issuedBy: staffIdOf(actor) ? tx.getReference(Staff, staffIdOf(actor)!, { wrapped: true }) : null,
      fitOverrideReason: fits(part.fitsModels, c.model) ? null : c.overrideReason,
    });
    await tx.flush();
    const moved = await this.move(tx, actor, {
      partId: part.id,
      kind: K.ISSUE,
      quantity: l.quantity,
      onHandDelta: d.onHandDelta,
      reservedDelta: d.reservedDelta,
      reason: issue.fitOverrideReason,
      appointmentId: d.fromHold ? c.appointmentId : null,
      workOrderId: c.wo.id,
      partIssueId: issue.id,
      field: ['input', 'lines', String(i), 'quantity'],
      held: hold?.reserved ?? 0,
    });
    if (!moved.ok) return moved;
    if (hold) hold.reserved -= d.fromHold;
    issue.issuedAt = moved.value.updatedAt;
    return ok(issue);
  }

  /**
   * R-WO-5: parts issued to a job of an order IN_PROGRESS; each must fit the vehicle's model (a foreman
   * may override with a reason, recorded). What the order's appointment holds is consumed first. All
   * lines or none.
   */
  async issueParts(em: EntityManager, actor: Actor, input: IssuePartsInput): Promise<Result<PartIssue[]>> {
    const r = this.checkIssueInput(input, actor);
    if ('errors' in r) return refuse(...r.errors);
    return this.inOne(em, async (tx) => {
      const opened = await this.openJob(tx, actor, r);
      if (!opened.ok) return opened;
      const issues: PartIssue[] = [];
      for (const [i, l] of r.lines.entries()) {
        const issued = await this.issueLine(tx, actor, opened.value, l, i);
        if (!issued.ok) return issued;
        issues.push(issued.value);
      }
      await tx.flush();
      return ok(issues);
    });
  }

  /**
   * R-WO-5: a technician (or the parts clerk, a team leader, the foreman) asks for parts for a job.
   * What stock can give (with the appointment's hold) is issued at once; a line stock cannot cover is
   * not issued at all and raises a purchase request for the missing units, linked to the job, which
   * then waits for parts (the card shows WAITING_PARTS) until every request of it is received or
   * cancelled. Same checks as issueParts; one transaction.
   */
  async requestParts(em: EntityManager, actor: Actor, input: IssuePartsInput): Promise<Result<{ issues: PartIssue[]; purchaseRequests: PurchaseRequest[] }>> {
    const r = this.checkIssueInput(input, actor);
    if ('errors' in r) return refuse(...r.errors);
    return this.inOne(em, async (tx) => {
      const opened = await this.openJob(tx, actor, r);
      if (!opened.ok) return opened;
      const c = opened.value;
      const stocks = await tx.find(PartStock, { part: { $in: r.lines.map((l) => l.partId) } }, { refresh: true });
      const usable = (partId: number) => (stocks.find((s) => s.part.id === partId)?.available ?? 0) + (c.holds.find((h) => h.part.id === partId)?.reserved ?? 0);
      const issues: PartIssue[] = [];
      const requests: PurchaseRequest[] = [];
      for (const [i, l] of r.lines.entries()) {
        const missing = l.quantity - usable(l.partId);
        if (missing <= 0) {
          const issued = await this.issueLine(tx, actor, c, l, i);
          if (!issued.ok) return issued;
          issues.push(issued.value);
          continue;
        }
        const raised = await this.createRequest(tx, actor, {
          partId: l.partId,
          quantity: missing,
          origin: PurchaseRequestOrigin.JOB_SHORTAGE,
          params: { number: c.wo.number, job: c.job.title, quantity: l.quantity, missing },
          customerId: c.wo.customer.id,
          vehicleId: c.wo.vehicle.id,
          workOrderId: c.wo.id,
          jobId: c.job.id,
        });
        if (!raised.ok) return raised;
        requests.push(raised.value);
      }
      if (requests.length) {
        const waiting = await this.jobWaiting(tx, actor, c.wo.id, c.job.id, +requests.length, { purchaseRequestIds: requests.map((q) => q.id) });
        if (!waiting.ok) return waiting;
      }
      await tx.flush();
      return ok({ issues, purchaseRequests: requests });
    });
  }

  /**
   * A change of the work order (so the wall's card follows live): the job's count of open purchase
   * requests moves by `delta`; PARTS_REQUESTED when it rises, PARTS_REQUEST_CLOSED when one closes.
   */
  private async jobWaiting(tx: EntityManager, actor: Actor, workOrderId: number, jobId: number, delta: number, data: Record<string, unknown>): Promise<Result<WorkOrder>> {
    return this.log.change(tx, actor, {
      type: WORK_ORDER,
      storeId: actor.storeId,
      load: (t) => t.findOne(WorkOrder, { id: workOrderId, store: actor.storeId }, { refresh: true }),
      notFound: notFound('WorkOrder', ['input', 'workOrderId']),
      apply: async (t, wo) => {
        const job = await t.findOneOrFail(Job, jobId, { refresh: true });
        job.waitingPartsRequests = Math.max(0, job.waitingPartsRequests + delta);
        return { kind: delta > 0 ? WorkOrderEventKind.PARTS_REQUESTED : WorkOrderEventKind.PARTS_REQUEST_CLOSED, data: { to: wo.status, jobId, waiting: job.waitingPartsRequests, ...data } };
      },
    });
  }

  /** A request raised for a job has closed (received or cancelled): the job waits for one request fewer. */
  private async requestClosed(tx: EntityManager, actor: Actor, pr: PurchaseRequest): Promise<Result<unknown>> {
    if (!pr.job || !pr.workOrder) return ok(null);
    return this.jobWaiting(tx, actor, pr.workOrder.id, pr.job.id, -1, { purchaseRequestId: pr.id, status: pr.status });
  }

  /** Issued parts back to stock (RETURN), with the reason; at most what is issued and not yet returned. */
  async returnParts(em: EntityManager, actor: Actor, input: ReturnPartsInput): Promise<Result<Part>> {
    const check = new InputCheck();
    whole(check, ['quantity'], input.quantity, 1, 999);
    const reason = check.text(['reason'], input.reason, { max: 500, required: true });
    const issueId = dbId(input.partIssueId, 'PartIssue');
    if (!issueId) check.fail(['partIssueId'], 'INVALID_ID');
    if (check.failed) return refuse(...check.errors);
    const storeId = actor.storeId;
    return this.inOne(em, async (tx) => {
      await this.lockStore(tx, storeId);
      const issue = await tx.findOne(PartIssue, { id: issueId!, store: storeId }, { refresh: true, populate: ['workOrder', 'workOrder.technicians'] });
      if (!issue) return refuse(notFound('PartIssue', ['input', 'partIssueId']));
      const wo = issue.workOrder.getEntity();
      if (!RETURNABLE.includes(wo.status)) return refuse(refusal(E.ORDER_CLOSED_FOR_RETURNS, ['input', 'partIssueId'], { status: wo.status }));
      if (onlyTechnician(actor) && !wo.technicians.getItems().some((t) => t.id === staffIdOf(actor))) return refuse(refusal(E.NOT_ASSIGNED, ['input', 'partIssueId']));
      const max = issue.quantity - issue.returnedQuantity;
      if (input.quantity > max) return refuse(refusal(E.RETURN_EXCEEDS_ISSUED, ['input', 'quantity'], { max }));
      issue.returnedQuantity += input.quantity;
      await tx.flush();
      const moved = await this.move(tx, actor, { partId: issue.part.id, kind: K.RETURN, quantity: input.quantity, onHandDelta: input.quantity, reservedDelta: 0, reason, workOrderId: wo.id, partIssueId: issue.id });
      if (!moved.ok) return moved;
      return ok(await tx.findOneOrFail(Part, issue.part.id, { populate: ['stockRow'] }));
    });
  }

  /** The parts issued to a job, oldest first, batched per request. */
  issuesOfJob(em: EntityManager, jobId: number): Promise<PartIssue[]> {
    return loadIssues(em, jobId);
  }

  /** R-WO-5 / settlement: every issue of a work order (part, quantity, returned, price at issue). */
  issuesOfWorkOrder(em: EntityManager, workOrderId: number): Promise<PartIssue[]> {
    return em.find(PartIssue, { workOrder: workOrderId }, { populate: ['part'], orderBy: { id: 'asc' } });
  }

  movements(em: EntityManager, partId: number, page: PageRequest) {
    const id: Record<string, number> = {};
    if (page.afterId !== null) id.$gt = page.afterId;
    if (page.beforeId !== null) id.$lt = page.beforeId;
    return Promise.all([
      em.find(StockMovement, { part: partId, ...(Object.keys(id).length ? { id } : {}) }, { orderBy: { id: page.backward ? 'desc' : 'asc' }, limit: page.limit + 1 }),
      em.count(StockMovement, { part: partId }),
    ]).then(([rows, total]) => toConnection(rows, total, page));
  }
}

/** An integer within [min, max]. */
function whole(check: InputCheck, field: (string | number)[], value: number | null | undefined, min: number, max: number): void {
  if (value == null) return;
  if (!Number.isInteger(value)) check.fail(field, E.NOT_WHOLE);
  else check.range(field, value, min, max);
}

/** A technician acting only as such (no team-leader, foreman, parts or manager role): only on orders they are assigned to. */
function onlyTechnician(actor: Actor): boolean {
  if (actor.kind !== 'staff') return false;
  const broader: readonly Role[] = [...MANAGER_ROLES, Role.TEAM_LEADER, Role.FOREMAN, Role.PARTS_CLERK];
  return actor.roles.includes(Role.TECHNICIAN) && !actor.roles.some((r) => broader.includes(r));
}

function localDateTime(at: Date, timeZone: string): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
