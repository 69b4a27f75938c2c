import type { EntityManager } from '@mikro-orm/postgresql';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { Bay } from '../store/bay.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { Job } from '../work-order/job.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';

type Row = Record<string, unknown>;

/**
 * The orders of live board events with everything a card renders, in ONE statement, mapped into the
 * EntityManager as managed entities with their relations loaded. This is the path of every live event;
 * a `populate` of the six relations costs about 4 ms of query building and hydration for one order,
 * this about 1.7 ms (`pnpm bench`, bench:platform). `w.*` and `row_to_json` follow new columns by
 * themselves; `board-live-cards.test.ts` checks the cards equal the populated ones.
 */
export async function loadLiveOrders(em: EntityManager, ids: readonly number[]): Promise<WorkOrder[]> {
  const rows = await em.execute<Row[]>(
    `select w.*, row_to_json(v) as _vehicle, row_to_json(c) as _customer, row_to_json(a) as _advisor, row_to_json(b) as _bay,
            (select json_agg(j order by j.position, j.id) from job j where j.work_order_id = w.id) as _jobs,
            (select json_agg(s order by s.id) from work_order_technician wt join staff s on s.id = wt.staff_id where wt.work_order_id = w.id) as _technicians
       from work_order w
       join vehicle v on v.id = w.vehicle_id
       join customer c on c.id = w.customer_id
       join staff a on a.id = w.advisor_id
       left join bay b on b.id = w.bay_id
      where w.id in (${ids.map(() => '?').join(', ')})`,
    [...ids],
  );
  return rows.map((row) => {
    const { _vehicle, _customer, _advisor, _bay, _jobs, _technicians, ...columns } = row;
    em.map(Vehicle, _vehicle as Row);
    em.map(Customer, _customer as Row);
    em.map(Staff, _advisor as Row);
    if (_bay) em.map(Bay, _bay as Row);
    const order = em.map(WorkOrder, columns);
    order.jobs.hydrate(((_jobs as Row[] | null) ?? []).map((j) => em.map(Job, j)));
    order.technicians.hydrate(((_technicians as Row[] | null) ?? []).map((s) => em.map(Staff, s)));
    return order;
  });
}
