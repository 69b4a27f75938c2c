import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventLog } from '../../events/event-log.js';
import { type Actor, staffIdOf } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { notFound, ok, refuse, refusal, type Result } from '../../shared/result.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { isCalendarDate, MAX_MILEAGE_KM } from '../vehicle/vehicle.service.js';
import { WORK_ORDER } from '../work-order/work-order-event.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { WorkOrderEventKind, WorkOrderStatus as S } from '../work-order/work-order.enums.js';
import type { TransitionGuard } from '../work-order/work-order.process.js';
import type { RecordDeliveryInput } from './dto/delivery.dto.js';
import { Delivery } from './delivery.entity.js';
import { DeliveryError as E } from './delivery.errors.js';

/** Who records deliveries (managers and ADMIN pass every role check). */
export const DELIVERY_ROLES = [Role.SERVICE_ADVISOR, Role.SERVICE_MANAGER] as const;
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
        if (wo.mileageIn != null && input.mileageOut < wo.mileageIn) return [refusal(E.MILEAGE_OUT_BELOW_IN, ['input', 'mileageOut'], { mileageIn: wo.mileageIn })];
        const store = await tx.findOneOrFail(Store, storeId);
        const today = new Intl.DateTimeFormat('en-CA', { timeZone: store.timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
        if (input.nextServiceDueOn <= today) return [refusal(E.NEXT_SERVICE_NOT_AHEAD, ['input', 'nextServiceDueOn'])];
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
