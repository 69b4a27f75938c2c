import type { EntityManager } from '@mikro-orm/postgresql';
import { insertPastVisits, type PastVisit } from './past-visits.js';

const MONTH = (365.25 / 12) * 86_400_000;

/** What past a demo customer had (demo-data.ts draws it); the value class is computed from it, never set. */
/** NEW: no visit yet (the care module's new cars sold here are chosen among them). */
export type HistoryProfile = 'NEW' | 'LOYAL' | 'OPPORTUNITY' | 'MARGINAL' | 'LOST';

/**
 * R-SEG-3 demo histories: loyal customers come every few months and pay well; opportunities came once
 * or twice lately; marginal ones only bring warranty work or come a year apart; lost ones have not come
 * for more than 6 months or stopped when their warranty ended. The caller recomputes the segments.
 */
export async function seedSegmentHistory(
  em: EntityManager,
  o: { storeId: number; advisorId: number; now: Date; rng: () => number; customers: { customerId: number; vehicleId: number; history: HistoryProfile }[] },
): Promise<void> {
  const visits: PastVisit[] = [];
  const yuan = (min: number, max: number) => Math.round(min + o.rng() * (max - min)) * 100;
  for (const c of o.customers) {
    const at = (monthsAgo: number) => new Date(o.now.getTime() - monthsAgo * MONTH - Math.floor(o.rng() * 5) * 86_400_000);
    const visit = (monthsAgo: number, customerFen: number, extra: Partial<PastVisit> = {}) => visits.push({ customerId: c.customerId, vehicleId: c.vehicleId, advisorId: o.advisorId, at: at(monthsAgo), customerFen, ...extra });
    const variant = o.rng() < 0.5;
    switch (c.history) {
      case 'NEW':
        break;
      case 'LOYAL':
        for (const m of [1.5, 4, 7, 10]) visit(m, yuan(1400, 2800), { repair: m === 4 });
        visit(15, yuan(800, 1500));
        break;
      case 'OPPORTUNITY':
        visit(2, yuan(300, 1200));
        if (variant) visit(5, yuan(300, 900));
        break;
      case 'MARGINAL':
        if (variant) {
          visit(2, 0, { warrantyFen: yuan(600, 2000) });
          visit(5.5, 0, { warrantyFen: yuan(300, 900) });
        } else {
          for (const m of [3, 12, 21]) visit(m, yuan(400, 1200));
        }
        break;
      case 'LOST':
        if (variant) {
          visit(7 + Math.floor(o.rng() * 6), yuan(500, 2000));
          visit(16, yuan(500, 1500));
        } else {
          // Bought 2 years 5 months ago: came under the 2-year warranty, not since it ended 5 months ago.
          const bought = new Date(o.now.getTime() - 29 * MONTH).toISOString().slice(0, 10);
          await em.execute('update vehicle set purchase_date = ? where id = ?', [bought, c.vehicleId]);
          for (const m of [26, 14]) visit(m, yuan(400, 900));
          visit(5.5, 0, { warrantyFen: yuan(800, 1600) });
        }
        break;
    }
  }
  await insertPastVisits(em, o.storeId, visits);
}
