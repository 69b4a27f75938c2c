import type { MikroORM } from '@mikro-orm/postgresql';
import { Customer } from '../../src/modules/customer/customer.entity.js';
import { Skill } from '../../src/modules/staff/roles.js';
import { Staff } from '../../src/modules/staff/staff.entity.js';
import { Vehicle } from '../../src/modules/vehicle/vehicle.entity.js';
import { Job } from '../../src/modules/work-order/job.entity.js';
import { WorkOrder } from '../../src/modules/work-order/work-order.entity.js';
import { WorkOrderEventKind, WorkOrderStatus } from '../../src/modules/work-order/work-order.enums.js';
import { lockStoreForEvent, recordEvent } from '../../src/modules/work-order/work-order-events.js';
import { newTrackingToken } from '../../src/modules/work-order/work-order.service.js';
import { uniqueMobile, uniquePlate, uniqueVin } from './flows.js';

/** Inserts `count` orders on the floor (none IN_PROGRESS, so bays stay free) with jobs, bay and technicians straight into the database (for volume tests). */
export async function insertOrders(orm: MikroORM, o: { storeId: number; count: number; bayIds: number[]; technicianIds: number[]; advisorId: number }) {
  await orm.em.fork().transactional(async (em) => {
    for (let i = 0; i < o.count; i++) {
      const customer = em.create(Customer, { store: o.storeId, name: `批量客户${i}`, mobile: uniqueMobile() });
      const vehicle = em.create(Vehicle, { store: o.storeId, vin: uniqueVin(), plate: uniquePlate(), model: '朗逸', owner: customer });
      const wo = em.create(WorkOrder, {
        store: o.storeId,
        number: `BULK-${Date.now() % 100000}-${i}`,
        status: [WorkOrderStatus.QUEUED, WorkOrderStatus.QUALITY_CHECK, WorkOrderStatus.WASHING][i % 3],
        vehicle,
        customer,
        advisor: o.advisorId,
        bay: o.bayIds[i % o.bayIds.length],
        complaint: '批量测试',
        trackingToken: newTrackingToken(),
      });
      wo.technicians.set(o.technicianIds.map((id) => em.getReference(Staff, id)));
      em.create(Job, { workOrder: wo, position: 0, title: '保养', skill: Skill.MAINTENANCE, standardMinutes: 60 });
      em.create(Job, { workOrder: wo, position: 1, title: '四轮定位', skill: Skill.CHASSIS, standardMinutes: 60 });
      await em.flush();
      await recordEvent(em, wo, await lockStoreForEvent(em, o.storeId), { kind: WorkOrderEventKind.CREATED, actorId: o.advisorId });
    }
  });
}
