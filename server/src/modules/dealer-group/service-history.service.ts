import type { EntityManager } from '@mikro-orm/postgresql';
import { type Connection, type PageRequest, toConnection } from '../../shared/page.js';
import { Skill } from '../staff/roles.js';
import { Store } from '../store/store.entity.js';
import { WorkOrderStatus } from '../work-order/work-order.enums.js';
import { DealerGroup } from './dealer-group.entity.js';
import { type GroupStore, ServiceHistoryEntry } from './service-history.types.js';

const SELECT = 'select wo.id, wo.number, wo.status, wo.created_at, wo.delivered_at, wo.mileage_in, wo.store_id, s.name as store_name';
interface HistoryRow {
  id: number;
  number: string;
  status: WorkOrderStatus;
  created_at: Date;
  delivered_at: Date | null;
  mileage_in: number | null;
  store_id: number;
  store_name: string;
}

/**
 * R-ARC-3: a vehicle's service history, read from every store of the reader's dealer group and matched
 * by VIN (vehicles and customers stay per store; see the README). Newest first. The query reads work
 * orders, their jobs and store names only: nothing of the customer can leave its store this way.
 */
export class ServiceHistoryService {
  async byVin(em: EntityManager, storeId: number, vin: string, page: PageRequest): Promise<Connection<ServiceHistoryEntry>> {
    const scope = `from work_order wo join vehicle v on v.id = wo.vehicle_id join store s on s.id = wo.store_id
      where v.vin = ? and s.dealer_group_id = (select dealer_group_id from store where id = ?)`;
    // Newest first: `after` goes to smaller ids, `before` to larger ones; `last` reads backwards from `before`.
    const bounds = [...(page.afterId ? ['and wo.id < ?'] : []), ...(page.beforeId ? ['and wo.id > ?'] : [])].join(' ');
    const [rows, [{ count }]] = await Promise.all([
      em.execute<HistoryRow[]>(`${SELECT} ${scope} ${bounds} order by wo.id ${page.backward ? 'asc' : 'desc'} limit ?`, [
        vin,
        storeId,
        ...(page.afterId ? [page.afterId] : []),
        ...(page.beforeId ? [page.beforeId] : []),
        page.limit + 1,
      ]),
      em.execute<{ count: number }[]>(`select count(*)::int as count ${scope}`, [vin, storeId]),
    ]);
    return toConnection(await this.entries(em, storeId, rows.slice(0, page.limit + 1)), count, page);
  }

  /** One entry by work-order id, if that order is in the reader's dealer group (for node(id:)). */
  async entry(em: EntityManager, storeId: number, workOrderId: number): Promise<ServiceHistoryEntry | null> {
    const rows = await em.execute<HistoryRow[]>(
      `${SELECT} from work_order wo join store s on s.id = wo.store_id where wo.id = ? and s.dealer_group_id = (select dealer_group_id from store where id = ?)`,
      [workOrderId, storeId],
    );
    return (await this.entries(em, storeId, rows))[0] ?? null;
  }

  private async entries(em: EntityManager, storeId: number, rows: HistoryRow[]): Promise<ServiceHistoryEntry[]> {
    const ids = rows.map((r) => r.id);
    const jobs = ids.length
      ? await em.execute<{ work_order_id: number; title: string; skill: Skill }[]>('select work_order_id, title, skill from job where work_order_id in (?) order by position, id', [ids])
      : [];
    return rows.map((r) => Object.assign(new ServiceHistoryEntry(), {
      id: r.id,
      number: r.number,
      openedAt: new Date(r.created_at),
      deliveredAt: r.delivered_at ? new Date(r.delivered_at) : null,
      mileageKm: r.mileage_in,
      status: r.status,
      jobs: jobs.filter((j) => j.work_order_id === r.id).map((j) => ({ title: j.title, skill: j.skill })),
      storeName: r.store_name,
      ownStore: r.store_id === storeId,
    }));
  }

  async groupOf(em: EntityManager, storeId: number): Promise<DealerGroup> {
    const store = await em.findOneOrFail(Store, storeId, { populate: ['dealerGroup'] });
    return store.dealerGroup.getEntity();
  }

  async storesOf(em: EntityManager, groupId: number): Promise<GroupStore[]> {
    const stores = await em.find(Store, { dealerGroup: groupId }, { orderBy: { id: 'asc' }, fields: ['name', 'phone'] });
    return stores.map((s) => ({ name: s.name, phone: s.phone ?? null }));
  }
}
