import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageRequest } from '../../shared/page.js';
import { Customer } from '../customer/customer.entity.js';
import { ChurnRiskEntry } from './segmentation.dto.js';
import type { ChurnRiskLevel } from './segmentation.enums.js';
import type { Segment } from './segmentation.rules.js';
import { pgArray } from '../../shared/sql.js';

/** R-SEG-4: the store's customers at risk, by customer, optionally of some levels; a constant number of statements per page. */
export async function churnRiskPage(em: EntityManager, storeId: number, page: PageRequest, levels?: ChurnRiskLevel[] | null) {
  const where = ['s.store_id = ?', 's.churn_level is not null'];
  const params: unknown[] = [storeId];
  if (levels?.length) {
    where.push('s.churn_level = any(?::text[])');
    params.push(pgArray(levels));
  }
  const countParams = [...params];
  const countWhere = [...where];
  if (page.afterId !== null) {
    where.push('s.customer_id > ?');
    params.push(page.afterId);
  }
  if (page.beforeId !== null) {
    where.push('s.customer_id < ?');
    params.push(page.beforeId);
  }
  const [rows, [{ n }]] = await Promise.all([
    em.execute<{ customer_id: number; churn_level: ChurnRiskLevel; churn_reasons: Segment['reasons']; last_visit_at: Date | null; _customer: Record<string, unknown> }[]>(
      `select s.customer_id, s.churn_level, s.churn_reasons, s.last_visit_at, row_to_json(c) as _customer
         from customer_segment s join customer c on c.id = s.customer_id
        where ${where.join(' and ')}
        order by s.customer_id ${page.backward ? 'desc' : 'asc'} limit ?`,
      [...params, page.limit + 1],
    ),
    em.execute<{ n: number }[]>(`select count(*)::int as n from customer_segment s where ${countWhere.join(' and ')}`, countParams),
  ]);
  const items = rows.map((r) =>
    Object.assign(new ChurnRiskEntry(), {
      id: r.customer_id,
      customer: em.map(Customer, r._customer),
      level: r.churn_level,
      reasonList: r.churn_reasons,
      lastVisitAt: r.last_visit_at ? new Date(r.last_visit_at) : null,
    }),
  );
  return { items, total: n };
}

/** One customer's churn-risk entry (node(id:)); null when the customer is not at risk. */
export async function churnEntry(em: EntityManager, storeId: number, customerId: number): Promise<ChurnRiskEntry | null> {
  const { items } = await churnRiskPage(em, storeId, { limit: 1, afterId: customerId - 1, beforeId: customerId + 1, backward: false });
  return items[0] ?? null;
}
