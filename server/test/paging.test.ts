import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkOrder } from './helpers/flows.js';
import { type TestApp, startTestApp } from './helpers/test-app.js';

type Page = { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }; totalCount: number };

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.login('advisor');
  for (let i = 0; i < 7; i++) {
    const res = await t.gql(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }`, { input: { mobile: `1380000${String(1000 + i)}`, name: `翻页客户${i}` } }, { token });
    expect(res.data.createCustomer.customer.id).toBeTruthy();
  }
  for (let i = 0; i < 5; i++) await createWorkOrder(t);
});
afterAll(() => t.stop());

const PAGE = `edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`;
const list = async (field: 'customers' | 'workOrders', args: Record<string, unknown>): Promise<Page> => {
  const res = await t.gql(`query($first: Int, $after: String, $last: Int, $before: String) { ${field}(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }`, args, { token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data[field];
};
const ids = (p: Page) => p.edges.map((e) => e.node.id);

describe.each(['customers', 'workOrders'] as const)('Relay paging through %s', (field) => {
  it('forward with first/after and backward with last/before visit the same list in the same order', async () => {
    const all = ids(await list(field, { first: 100 }));
    expect(all.length).toBeGreaterThanOrEqual(5);

    const forward: string[] = [];
    let page = await list(field, { first: 2 });
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true, startCursor: page.edges[0].cursor, endCursor: page.edges[1].cursor });
    forward.push(...ids(page));
    while (page.pageInfo.hasNextPage) {
      page = await list(field, { first: 2, after: page.pageInfo.endCursor });
      expect(page.pageInfo.hasPreviousPage).toBe(true);
      forward.push(...ids(page));
    }
    expect(forward).toEqual(all);

    const backward: string[][] = [];
    page = await list(field, { last: 2 });
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(ids(page)).toEqual(all.slice(-2)); // the end of the list, still in list order
    backward.unshift(ids(page));
    while (page.pageInfo.hasPreviousPage) {
      page = await list(field, { last: 2, before: page.pageInfo.startCursor });
      expect(page.pageInfo.hasNextPage).toBe(true);
      backward.unshift(ids(page));
    }
    expect(backward.flat()).toEqual(all);
    expect(page.totalCount).toBe(all.length);
  });

  it('after and before together bound a window; an empty page has no cursors', async () => {
    const all = await list(field, { first: 100 });
    const window = await list(field, { first: 100, after: all.edges[0].cursor, before: all.edges[4].cursor });
    expect(ids(window)).toEqual(ids(all).slice(1, 4));
    const back = await list(field, { last: 2, after: all.edges[0].cursor, before: all.edges[4].cursor });
    expect(ids(back)).toEqual(ids(all).slice(2, 4));
    const empty = await list(field, { first: 0 });
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo).toMatchObject({ startCursor: null, endCursor: null });
  });
});

describe('paging arguments', () => {
  it('refuses first with last, last over 100, and a foreign before cursor', async () => {
    const q = (args: string) => t.gql(`{ customers(${args}) { totalCount } }`, {}, { token });
    expect((await q('first: 2, last: 2')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await q('last: 101')).errors?.[0].message).toContain('last must be between 0 and 100');
    expect((await q('before: "bm9wZQ"')).errors?.[0].message).toContain('before is not a cursor');
  });
});
