/** Keyset paging over the id column, shaped as Relay connections; pure (the GraphQL types are in graphql/connection.ts). */

/**
 * Keyset page request over the id column (Relay: `first`/`after` forward, `last`/`before` backward;
 * `after` and `before` may both bound a page).
 */
export interface PageRequest {
  limit: number;
  afterId: number | null;
  beforeId: number | null;
  /** `last` was given: take the items nearest to `before` (or the end of the list). */
  backward: boolean;
}

/** Where a page sits in the whole list. */
export interface PageInfoData {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

export interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfoData;
}

/**
 * The query half of a page for a list in `order` of id: a condition to spread into the `where` and
 * the find options (order in the direction of travel, one extra row to know whether more exist).
 * `toConnection` puts the rows back in list order.
 */
export function keyset(page: PageRequest, order: 'asc' | 'desc' = 'asc') {
  const [afterOp, beforeOp] = order === 'asc' ? (['$gt', '$lt'] as const) : (['$lt', '$gt'] as const);
  const id: Record<string, number> = {};
  if (page.afterId !== null) id[afterOp] = page.afterId;
  if (page.beforeId !== null) id[beforeOp] = page.beforeId;
  const travel = page.backward ? (order === 'asc' ? 'desc' : 'asc') : order;
  return {
    where: Object.keys(id).length ? { id } : {},
    options: { orderBy: { id: travel }, limit: page.limit + 1 },
  };
}

export function toConnection<T extends { id: number }>(rows: T[], totalCount: number, page: PageRequest): Connection<T> {
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit);
  if (page.backward) items.reverse();
  const edges = items.map((node) => ({ cursor: Buffer.from(`c:${node.id}`).toString('base64url'), node }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage: page.backward ? page.beforeId !== null : more,
      hasPreviousPage: page.backward ? more : page.afterId !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * The rows of a page of a list computed in memory (ids are positions 1…n in list order), shaped like
 * `keyset`'s query result for `toConnection`: in the direction of travel, one extra row when more follow.
 */
export function pageOfList<T extends { id: number }>(all: readonly T[], page: PageRequest): T[] {
  const within = all.filter((r) => (page.afterId === null || r.id > page.afterId) && (page.beforeId === null || r.id < page.beforeId));
  return (page.backward ? within.reverse() : within).slice(0, page.limit + 1);
}
