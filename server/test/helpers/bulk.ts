import type { MikroORM } from '@mikro-orm/postgresql';
import { Customer } from '../../src/modules/customer/customer.entity.js';
import { Skill } from '../../src/modules/staff/roles.js';
import { Staff } from '../../src/modules/staff/staff.entity.js';
import { Vehicle } from '../../src/modules/vehicle/vehicle.entity.js';
import { Job } from '../../src/modules/work-order/job.entity.js';
import { WorkOrder } from '../../src/modules/work-order/work-order.entity.js';
import { WorkOrderEventKind, WorkOrderStatus } from '../../src/modules/work-order/work-order.enums.js';
import { EventLog } from '../../src/events/event-log.js';
import { systemActor } from '../../src/shared/actor.js';
import { systemClock } from '../../src/shared/clock.js';
import { newTrackingToken } from '../../src/modules/work-order/work-order.service.js';
import { uniqueMobile, uniquePlate, uniqueVin } from './flows.js';

/** Inserts `count` orders on the floor (none IN_PROGRESS, so bays stay free) with jobs, bay and technicians straight into the database (for volume tests). */
export async function insertOrders(orm: MikroORM, o: { storeId: number; count: number; bayIds: number[]; technicianIds: number[]; advisorId: number }) {
  const log = new EventLog(systemClock);
  const actor = systemActor(o.storeId, 'test-bulk');
  const em = orm.em.fork();
  for (let i = 0; i < o.count; i++) {
    const result = await log.create(em, actor, { type: 'WorkOrder', storeId: o.storeId, build: async (em) => {
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
      return { aggregate: wo, facts: [{ kind: WorkOrderEventKind.CREATED, data: { to: wo.status } }] };
    } });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
  }
}
