import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventLog } from '../../events/event-log.js';
import { type Actor, staffIdOf } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { notFound, ok, type Refusal, refuse, refusal, type Result } from '../../shared/result.js';
import { requestLoader } from '../../shared/request-loader.js';
import { storeTimezone } from '../../shared/sql.js';
import { localDate } from '../../shared/zoned-time.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { isCalendarDate, MAX_MILEAGE_KM } from '../vehicle/vehicle.service.js';
import { WORK_ORDER } from '../work-order/work-order-event.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { WorkOrderEventKind, WorkOrderStatus as S } from '../work-order/work-order.enums.js';
import type { TransitionGuard } from '../work-order/work-order.process.js';
import type { CorrectDeliveryInput, RecordDeliveryInput } from './dto/delivery.dto.js';
import { Delivery, DeliveryCorrection } from './delivery.entity.js';
import { DeliveryError as E } from './delivery.errors.js';

/** Who records deliveries (managers and ADMIN pass every role check). */
export const DELIVERY_ROLES = [Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER] as const;
/** How long after it was recorded a delivery record may be corrected: typos are found within days; later the reminders have gone out on it. */
export const CORRECTION_DAYS = 7;
const deliveryLoaders = new WeakMap<EntityManager, DataLoader<number, Delivery | null>>();

export class DeliveryService {
  constructor(private readonly log: EventLog) {}

  /**
   * R-DEL-1/2/4: records how the car is handed back, on a READY order, once. A change of the work
   * order through the log (its version moves on; DELIVERY_RECORDED carries the mileage out and the
   * next service for the care reminders). Raises the vehicle's recorded mileage.
   */
  async record(em: EntityManager, actor: Actor, input: RecordDeliveryInput): Promise<Result<Delivery>> {
    const storeId = actor.storeId;
    const check = new InputCheck();
    check.range(['mileageOut'], input.mileageOut, 0, MAX_MILEAGE_KM);
    check.range(['nextServiceDueKm'], input.nextServiceDueKm, 0, MAX_MILEAGE_KM);
    if (!input.interiorCleaned) check.fail(['interiorCleaned'], E.DELIVERY_CHECK_INCOMPLETE);
    if (!input.itemsReturned) check.fail(['itemsReturned'], E.DELIVERY_CHECK_INCOMPLETE);
    if (input.oldPartsOffered && input.oldPartsTaken == null) check.fail(['oldPartsTaken'], E.OLD_PARTS_TAKEN_REQUIRED);
    if (!input.oldPartsOffered && input.oldPartsTaken) check.fail(['oldPartsTaken'], E.OLD_PARTS_NOT_OFFERED);
    const explanation = check.text(['explanation'], input.explanation, { max: 2000, required: true, multiline: true });
    const advice = check.text(['advice'], input.advice, { max: 2000, multiline: true });
    if (!isCalendarDate(input.nextServiceDueOn)) check.fail(['nextServiceDueOn'], 'INVALID_DATE');
    if (Number.isInteger(input.nextServiceDueKm) && input.nextServiceDueKm <= input.mileageOut) check.fail(['nextServiceDueKm'], E.NEXT_SERVICE_NOT_AHEAD);
    const workOrderId = dbId(input.workOrderId, 'WorkOrder');
    if (!workOrderId) return refuse(notFound('WorkOrder', ['input', 'workOrderId']));
    if (check.failed) return refuse(...check.errors);

    let recorded: Delivery | null = null;
    const result = await this.log.change(em, actor, {
      type: WORK_ORDER,
      storeId,
      load: (tx) => tx.findOne(WorkOrder, { id: workOrderId, store: storeId }, { refresh: true }),
      notFound: notFound('WorkOrder', ['input', 'workOrderId']),
      expectedVersion: input.expectedVersion,
      apply: async (tx, wo, at) => {
        if (wo.status !== S.READY) return [refusal(E.WORK_ORDER_NOT_READY, ['input', 'workOrderId'], { status: wo.status })];
        if (await tx.count(Delivery, { workOrder: wo.id })) return [refusal(E.DELIVERY_EXISTS, ['input', 'workOrderId'])];
        const problem = await handOverProblem(tx, wo, input, at);
        if (problem) return [problem];
        const vehicle = await tx.findOneOrFail(Vehicle, wo.vehicle.id, { refresh: true });
        if ((vehicle.mileageKm ?? 0) < input.mileageOut) vehicle.mileageKm = input.mileageOut;
        const staffId = staffIdOf(actor);
        const delivery = tx.create(Delivery, {
          store: storeId,
          workOrder: wo,
          mileageOut: input.mileageOut,
          interiorCleaned: input.interiorCleaned,
          itemsReturned: input.itemsReturned,
          oldPartsOffered: input.oldPartsOffered,
          oldPartsTaken: input.oldPartsOffered ? input.oldPartsTaken === true : false,
          explanation: explanation!,
          advice,
          nextServiceDueOn: input.nextServiceDueOn,
          nextServiceDueKm: input.nextServiceDueKm,
          recordedBy: staffId ? tx.getReference(Staff, staffId, { wrapped: true }) : null,
          createdAt: at,
        });
        await tx.flush();
        recorded = delivery;
        return {
          kind: WorkOrderEventKind.DELIVERY_RECORDED,
          data: {
            to: wo.status,
            deliveryId: delivery.id,
            vehicleId: wo.vehicle.id,
            mileageOut: delivery.mileageOut,
            nextServiceDueOn: delivery.nextServiceDueOn,
            nextServiceDueKm: delivery.nextServiceDueKm,
            oldPartsOffered: delivery.oldPartsOffered,
            oldPartsTaken: delivery.oldPartsTaken,
          },
        };
      },
    });
    return result.ok ? ok(recorded!) : refuse(...result.errors);
  }

  /**
   * Corrects a delivery record: mileage out, next service date and mileage, advice — the facts a typo
   * spoils and the care reminders read — within CORRECTION_DAYS of the record, with the reason and the
   * record's version (STALE_VERSION). The checks of the hand-over and the explanation stay as recorded.
   * A change of the work order (DELIVERY_CORRECTED with what changed and the values now); the history
   * keeps who changed what. A corrected mileage out moves the vehicle's mileage when it came from it.
   */
  async correct(em: EntityManager, actor: Actor, input: CorrectDeliveryInput): Promise<Result<Delivery>> {
    const storeId = actor.storeId;
    const check = new InputCheck();
    const reason = check.text(['reason'], input.reason, { max: 500, required: true, multiline: true });
    check.range(['mileageOut'], input.mileageOut, 0, MAX_MILEAGE_KM);
    check.range(['nextServiceDueKm'], input.nextServiceDueKm, 0, MAX_MILEAGE_KM);
    if (input.nextServiceDueOn != null && !isCalendarDate(input.nextServiceDueOn)) check.fail(['nextServiceDueOn'], 'INVALID_DATE');
    const advice = input.advice == null ? undefined : (check.text(['advice'], input.advice, { max: 2000, multiline: true }) ?? null);
    const workOrderId = dbId(input.workOrderId, 'WorkOrder');
    if (!workOrderId) return refuse(notFound('WorkOrder', ['input', 'workOrderId']));
    if (check.failed) return refuse(...check.errors);

    let corrected: Delivery | null = null;
    const result = await this.log.change(em, actor, {
      type: WORK_ORDER,
      storeId,
      load: (tx) => tx.findOne(WorkOrder, { id: workOrderId, store: storeId }, { refresh: true }),
      notFound: notFound('WorkOrder', ['input', 'workOrderId']),
      apply: async (tx, wo, at) => {
        const delivery = await tx.findOne(Delivery, { workOrder: wo.id }, { refresh: true });
        if (!delivery) return [refusal(E.DELIVERY_NOT_RECORDED, ['input', 'workOrderId'])];
        if (delivery.version !== input.expectedVersion) return [refusal('STALE_VERSION', ['input', 'expectedVersion'], { current: delivery.version })];
        if (at.getTime() > delivery.createdAt.getTime() + CORRECTION_DAYS * 86_400_000) return [refusal(E.DELIVERY_CORRECTION_CLOSED, ['input', 'workOrderId'], { days: CORRECTION_DAYS })];
        const next = {
          mileageOut: input.mileageOut ?? delivery.mileageOut,
          nextServiceDueOn: input.nextServiceDueOn ?? delivery.nextServiceDueOn,
          nextServiceDueKm: input.nextServiceDueKm ?? delivery.nextServiceDueKm,
          advice: advice === undefined ? (delivery.advice ?? null) : advice,
        };
        const changes = (Object.keys(next) as (keyof typeof next)[])
          .filter((f) => next[f] !== (delivery[f] ?? null))
          .map((f) => ({ field: f, from: delivery[f] == null ? null : String(delivery[f]), to: next[f] == null ? null : String(next[f]) }));
        if (!changes.length) return [refusal(E.NOTHING_TO_CORRECT, ['input'])];
        const problem = await handOverProblem(tx, wo, next, delivery.createdAt);
        if (problem) return [problem];
        if (next.nextServiceDueKm <= next.mileageOut) return [refusal(E.NEXT_SERVICE_NOT_AHEAD, ['input', input.nextServiceDueKm != null ? 'nextServiceDueKm' : 'mileageOut'])];
        if (next.mileageOut !== delivery.mileageOut) {
          // The vehicle's reading came from the typo when it equals it; a later reading stays.
          const vehicle = await tx.findOneOrFail(Vehicle, wo.vehicle.id, { refresh: true });
          if (vehicle.mileageKm === delivery.mileageOut || (vehicle.mileageKm ?? 0) < next.mileageOut) vehicle.mileageKm = next.mileageOut;
        }
        Object.assign(delivery, next);
        delivery.version += 1;
        const staffId = staffIdOf(actor);
        tx.create(DeliveryCorrection, { store: storeId, delivery, changeRows: changes, reason: reason!, version: delivery.version, correctedBy: staffId ? tx.getReference(Staff, staffId, { wrapped: true }) : null, correctedAt: at });
        await tx.flush();
        corrected = delivery;
        return {
          kind: WorkOrderEventKind.DELIVERY_CORRECTED,
          data: { to: wo.status, deliveryId: delivery.id, vehicleId: wo.vehicle.id, reason, changes, mileageOut: next.mileageOut, nextServiceDueOn: next.nextServiceDueOn, nextServiceDueKm: next.nextServiceDueKm },
        };
      },
    });
    return result.ok ? ok(corrected!) : refuse(...result.errors);
  }

  /** The corrections of a delivery record, oldest first. */
  corrections(em: EntityManager, deliveryId: number): Promise<DeliveryCorrection[]> {
    return loadCorrections(em, deliveryId);
  }

  /** The delivery record of a work order, if any; calls made while resolving one response are batched. */
  deliveryOf(em: EntityManager, workOrderId: number): Promise<Delivery | null> {
    let loader = deliveryLoaders.get(em);
    if (!loader) {
      loader = new DataLoader<number, Delivery | null>(async (ids) => {
        const rows = await em.find(Delivery, { workOrder: { $in: [...ids] } });
        return ids.map((id) => rows.find((r) => r.workOrder.id === id) ?? null);
      });
      deliveryLoaders.set(em, loader);
    }
    return loader.load(workOrderId);
  }
}

/** R-DEL-1/2/4: READY → DELIVERED only with the delivery recorded. Applies to every actor, the system (demo seed) included. */
export const deliveryRecordRequired: TransitionGuard = {
  name: 'delivery.record-required',
  applies: (from, to) => from === S.READY && to === S.DELIVERED,
  check: async ({ tx, workOrder }) => ((await tx.count(Delivery, { workOrder: workOrder.id })) > 0 ? null : [refusal(E.DELIVERY_RECORD_REQUIRED, ['input', 'to'])]),
};

/**
 * R-DEL-4, for a delivery record as made and as corrected: the mileage out is not below the mileage
 * in, and the next service falls after the day of the delivery (in the store's time zone).
 */
async function handOverProblem(tx: EntityManager, wo: WorkOrder, record: { mileageOut: number; nextServiceDueOn: string }, deliveredAt: Date): Promise<Refusal | null> {
  if (wo.mileageIn != null && record.mileageOut < wo.mileageIn) return refusal(E.MILEAGE_OUT_BELOW_IN, ['input', 'mileageOut'], { mileageIn: wo.mileageIn });
  if (record.nextServiceDueOn <= localDate(deliveredAt, await storeTimezone(tx, wo.store.id))) return refusal(E.NEXT_SERVICE_NOT_AHEAD, ['input', 'nextServiceDueOn']);
  return null;
}

/** A delivery's corrections, batched per request. */
const loadCorrections = requestLoader(async (em, deliveryIds: readonly number[]) => {
  const rows = await em.find(DeliveryCorrection, { delivery: { $in: [...deliveryIds] } }, { orderBy: { id: 'asc' } });
  return deliveryIds.map((id) => rows.filter((r) => r.delivery.id === id));
});
