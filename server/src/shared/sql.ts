import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A PostgreSQL array literal for a raw-SQL parameter (`= any(?::int[])`): the driver would spread a
 * JavaScript array into a list of parameters. Only for ids and enum names (no quoting is done).
 */
export const pgArray = (values: readonly (string | number)[]): string => `{${values.join(',')}}`;

/** The store's IANA time zone (local dates, schedules). */
export async function storeTimezone(em: EntityManager, storeId: number): Promise<string> {
  const [row] = await em.execute<{ timezone: string }[]>('select timezone from store where id = ?', [storeId]);
  return row.timezone;
}
