import type { EntityManager } from '@mikro-orm/postgresql';
import { CustomerType } from '../customer/customer-type.js';
import type { VehicleUsage } from '../vehicle/vehicle.enums.js';
import type { CustomerFacts, Thresholds, VehicleFacts } from './segmentation.rules.js';
import { pgArray } from '../../shared/sql.js';

const MONTH_MS = (365.25 / 12) * 86_400_000;
const IN_FORCE = 'not exists (select 1 from settlement_reversal r where r.settlement_id = s.id)';

/**
 * The history facts of the given customers of one store (R-ARC-3: a visit is a settlement in force, its
 * date the settlement's), in four statements whatever the number of customers: customers, visits,
 * vehicles with their first and last visit, unresolved complaints.
 */
export async function loadFacts(em: EntityManager, storeId: number, customerIds: readonly number[], t: Thresholds, now: Date): Promise<Map<number, CustomerFacts>> {
  const facts = new Map<number, CustomerFacts>();
  if (!customerIds.length) return facts;
  const ids = pgArray(customerIds);
  const since = new Date(now.getTime() - t.lookbackMonths * MONTH_MS);
  // One after the other: inside a transaction they share one connection.
  const customers = await em.execute<{ id: number; customer_type: string; created_at: Date }[]>('select id, customer_type, created_at from customer where store_id = ? and id = any(?::int[])', [storeId, ids]);
  const visits = await em.execute<{ cid: number; visits: number; first_at: Date; last_at: Date; window_visits: number; window_paid: number; window_spend: string; window_repairs: number }[]>(
    `select s.customer_id as cid, count(*)::int as visits, min(s.settled_at) as first_at, max(s.settled_at) as last_at,
            count(*) filter (where s.settled_at >= ?)::int as window_visits,
            count(*) filter (where s.settled_at >= ? and s.customer_fen > 0)::int as window_paid,
            coalesce(sum(s.customer_fen) filter (where s.settled_at >= ?), 0)::bigint as window_spend,
            count(*) filter (where s.settled_at >= ? and exists (select 1 from job j where j.work_order_id = s.work_order_id and j.skill <> 'MAINTENANCE'))::int as window_repairs
       from settlement s
      where s.store_id = ? and s.customer_id = any(?::int[]) and s.settled_at <= ? and ${IN_FORCE}
      group by s.customer_id`,
    [since, since, since, since, storeId, ids, now],
  );
  const vehicles = await em.execute<{ id: number; owner_id: number; vin: string; purchase_date: string | null; warranty_years: number | null; warranty_km: number | null; mileage_km: number | null; usage: string | null; created_at: Date; first_at: Date | null; last_at: Date | null }[]>(
    `select v.id, v.owner_id, v.vin, to_char(v.purchase_date, 'YYYY-MM-DD') as purchase_date, v.warranty_years, v.warranty_km, v.mileage_km, v.usage, v.created_at, h.first_at, h.last_at
       from vehicle v
       left join lateral (select min(s.settled_at) as first_at, max(s.settled_at) as last_at
                            from work_order w join settlement s on s.work_order_id = w.id
                           where w.vehicle_id = v.id and s.settled_at <= ? and ${IN_FORCE}) h on true
      where v.store_id = ? and v.owner_id = any(?::int[]) and v.active`,
    [now, storeId, ids],
  );
  const complaints = await em.execute<{ cid: number; open: number; major: number }[]>(
    `select customer_id as cid, count(*)::int as open, count(*) filter (where severity = 'MAJOR')::int as major
       from complaint where store_id = ? and customer_id = any(?::int[]) and status in ('OPEN', 'RESPONDED', 'REOPENED')
      group by customer_id`,
    [storeId, ids],
  );
  for (const c of customers) {
    facts.set(c.id, {
      customerType: c.customer_type as CustomerType,
      createdAt: new Date(c.created_at),
      visits: 0,
      firstVisitAt: null,
      lastVisitAt: null,
      windowVisits: 0,
      windowPaidVisits: 0,
      windowSpendFen: 0,
      windowRepairs: 0,
      vehicles: [],
      openComplaints: 0,
      openMajorComplaints: 0,
    });
  }
  for (const v of visits) {
    const f = facts.get(v.cid);
    if (!f) continue;
    Object.assign(f, {
      visits: v.visits,
      firstVisitAt: new Date(v.first_at),
      lastVisitAt: new Date(v.last_at),
      windowVisits: v.window_visits,
      windowPaidVisits: v.window_paid,
      windowSpendFen: Number(v.window_spend),
      windowRepairs: v.window_repairs,
    });
  }
  for (const v of vehicles) {
    const vehicle: VehicleFacts = {
      id: v.id,
      vin: v.vin,
      purchaseDate: v.purchase_date,
      warrantyYears: v.warranty_years,
      warrantyKm: v.warranty_km,
      mileageKm: v.mileage_km,
      usage: v.usage as VehicleUsage | null,
      createdAt: new Date(v.created_at),
      firstVisitAt: v.first_at ? new Date(v.first_at) : null,
      lastVisitAt: v.last_at ? new Date(v.last_at) : null,
    };
    facts.get(v.owner_id)?.vehicles.push(vehicle);
  }
  for (const c of complaints) {
    const f = facts.get(c.cid);
    if (f) Object.assign(f, { openComplaints: c.open, openMajorComplaints: c.major });
  }
  return facts;
}
