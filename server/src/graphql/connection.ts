import { GraphQLError } from 'graphql';
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';

export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor?: string | null;
}

export interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** A Relay connection type named `<Name>Connection` with `<Name>Edge`. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass implements Connection<T> {
    @Field(() => Int)
    totalCount!: number;

    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

/** Keyset page request: rows with id after the cursor's id, in ascending id order. */
export interface PageRequest {
  limit: number;
  afterId: number | null;
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new GraphQLError(`first must be between 0 and ${MAX_PAGE_SIZE}`, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' } });
  }
  let afterId: number | null = null;
  if (after != null) {
    const m = /^c:([0-9]{1,10})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
    if (!m) throw new GraphQLError('after is not a cursor of this connection', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } });
    afterId = Number(m[1]);
  }
  return { limit, afterId };
}

export function toConnection<T extends { id: number }>(rows: T[], totalCount: number, page: PageRequest): Connection<T> {
  const items = rows.slice(0, page.limit);
  const edges = items.map((node) => ({ cursor: Buffer.from(`c:${node.id}`).toString('base64url'), node }));
  return { totalCount, edges, pageInfo: { hasNextPage: rows.length > page.limit, endCursor: edges.at(-1)?.cursor ?? null } };
}
