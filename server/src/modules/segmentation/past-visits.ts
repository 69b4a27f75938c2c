import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/** A visit of the past, as an import from the previous system would bring it (R-ARC-3: number, date, work, fees). */
export interface PastVisit {
  customerId: number;
  vehicleId: number;
  advisorId: number;
  at: Date;
  /** What the customer paid, in fen (0: warranty or free work only). */
  customerFen: number;
  warrantyFen?: number;
  /** A repair (not only maintenance): counts towards the FAULT_PRONE tag. */
  repair?: boolean;
  mileage?: number;
}

/**
 * Writes delivered work orders with one job and their settlements for visits that happened before the
 * store used Workbay (the demo seed's history, the tests' constructed histories). One statement per
 * visit; nothing goes to the event log (these are not changes happening now), so the caller recomputes
 * the segments afterwards.
 */
export async function insertPastVisits(em: EntityManager, storeId: number, visits: readonly PastVisit[]): Promise<void> {
  for (const v of visits) {
    const number = `H${v.customerId}-${v.at.getTime().toString(36)}`.slice(0, 20);
    const title = v.repair ? '故障维修' : '常规保养';
    await em.execute(
      `with w as (insert into work_order (store_id, number, status, vehicle_id, customer_id, advisor_id, complaint, mileage_in, created_at, updated_at, status_since, delivered_at, tracking_token, tracking_expires_at)
                  values (?, ?, 'DELIVERED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id),
            j as (insert into job (work_order_id, position, title, skill, standard_minutes, status, payer)
                  select id, 0, ?, ?, 60, 'DONE', ? from w)
       insert into settlement (store_id, work_order_id, customer_id, number, lines, parts_fen, labour_fen, fees_fen, discount_fen, points_fen, tax_fen, total_fen, customer_fen, warranty_fen, insurance_fen, points_redeemed, points_earned, payments, settled_at)
       select ?, id, ?, ?, '[]', 0, ?, 0, 0, 0, 0, ?, ?, ?, 0, 0, 0, '[]', ? from w`,
      [
        storeId, number, v.vehicleId, v.customerId, v.advisorId, title, v.mileage ?? null, v.at, v.at, v.at, v.at, randomBytes(24).toString('hex'), v.at,
        title, v.repair ? 'CHASSIS' : 'MAINTENANCE', v.customerFen > 0 || !v.warrantyFen ? 'CUSTOMER' : 'WARRANTY',
        storeId, v.customerId, number, v.customerFen + (v.warrantyFen ?? 0), v.customerFen + (v.warrantyFen ?? 0), v.customerFen, v.warrantyFen ?? 0, v.at,
      ],
    );
  }
}
