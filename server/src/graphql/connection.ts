import { GraphQLError } from 'graphql';
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { Connection, PageInfoData, PageRequest } from '../shared/page.js';

export { type Connection, keyset, type PageRequest, toConnection } from '../shared/page.js';

export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Where a page of a connection sits in the whole list (Relay cursor connections).' })
export class PageInfo implements PageInfoData {
  @Field(() => Boolean, { description: 'True when there are more items after this page (paging forward with `first`/`after`); when paging backward, true if `before` was given.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when there are more items before this page (paging backward with `last`/`before`); when paging forward, true if `after` was given.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of this page; pass it as `before` for the previous page. Null when the page is empty.' })
  startCursor?: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of this page; pass it as `after` for the next page. Null when the page is empty.' })
  endCursor?: string | null;
}


/** A Relay connection type named `<Name>Connection` with `<Name>Edge`. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page of a list, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this item: pass it as `after` or `before` to page from here.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay cursor connection).` })
  class ConnectionClass implements Connection<T> {
    @Field(() => Int, { description: 'How many items match the filter, over all pages.' })
    totalCount!: number;

    @Field(() => [Edge], { description: 'The items of this page, in list order.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Cursors and whether there are more pages.' })
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

/** Argument descriptions the list fields share. */
export const PAGE_ARGS = {
  first: `Forward paging: at most this many items after \`after\` (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).`,
  after: 'Forward paging: start after the item with this cursor.',
  last: `Backward paging: at most this many items before \`before\` (at most ${MAX_PAGE_SIZE}), still in list order.`,
  before: 'Backward paging: end before the item with this cursor.',
} as const;

export function pageRequest(first: number | null | undefined, after: string | null | undefined, last?: number | null, before?: string | null): PageRequest {
  if (first != null && last != null) {
    throw new GraphQLError('Pass first or last, not both', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'last' } });
  }
  const backward = last != null;
  const limit = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;
  const argumentName = backward ? 'last' : 'first';
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new GraphQLError(`${argumentName} must be between 0 and ${MAX_PAGE_SIZE}`, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
  }
  return { limit, afterId: cursorId(after, 'after'), beforeId: cursorId(before, 'before'), backward };
}

function cursorId(cursor: string | null | undefined, argumentName: string): number | null {
  if (cursor == null) return null;
  const m = /^c:([0-9]{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new GraphQLError(`${argumentName} is not a cursor of this connection`, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
  return Number(m[1]);
}

