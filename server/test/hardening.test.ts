import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { createWorkOrder, Q } from './helpers/flows.js';
import { collect } from './helpers/subscriptions.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
let display: string;
beforeAll(async () => {
  app = await startTestApp();
  await createWorkOrder(app);
  display = (await app.gql(`mutation { createDisplayToken(input: { name: "墙" }) { token } }`, {}, { token: await app.login('manager') })).data.createDisplayToken.token;
});
afterAll(() => app?.stop());

describe('a wall display sees the floor, not the customers (R-ARC-5)', () => {
  const personal = ['vehicle { vin }', 'vehicle { owner { name } }', 'customer { name }', 'complaint', 'events { at }', 'trackingUrl', 'advisor { username }'];
  for (const selection of personal) {
    it(`board → workOrder { ${selection} } is FORBIDDEN`, async () => {
      const res = await app.gql(`{ board { cards { workOrder { ${selection} } } } }`, {}, { token: display });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  }

  it('the same over boardEvents (replay from the first event)', async () => {
    const cursor = Buffer.from(`b:${app.storeId}:0`).toString('base64url');
    const sub = collect(app.ws({ authorization: `Bearer ${display}` }), `subscription($after: String) { boardEvents(after: $after) { card { workOrder { vehicle { vin owner { name } } } } } }`, { after: cursor });
    await expect(sub.until(() => false, 3000)).rejects.toThrow(/FORBIDDEN|Not allowed|display token/);
  });

  it('what the wall needs is allowed', async () => {
    const res = await app.gql(`{ board { cards { workOrder { number status vehicle { plate model color } bay { name } technicians { name } advisor { name } } flags } } }`, {}, { token: display });
    expect(res.errors).toBeUndefined();
    expect(res.data.board.cards.length).toBeGreaterThan(0);
  });
});

describe('input PostgreSQL cannot store, or that is not JSON, is refused cleanly (never a 500)', () => {
  it('U+0000 in variables, in literals, in login and search', async () => {
    const token = await app.login('advisor');
    const cases: [string, Record<string, unknown>][] = [
      [Q.createCustomer, { input: { name: 'a\u0000b', mobile: '13912345678' } }],
      [`mutation($u: String!) { login(input: { username: $u, password: "x" }) { token } }`, { u: 'adv\u0000isor' }],
      [`query($s: String) { workOrders(first: 5, filter: { search: $s }) { totalCount } }`, { s: '\u0000' }],
      [`query($s: String) { customers(first: 5, filter: { search: $s }) { totalCount } }`, { s: 'x\u0000' }],
    ];
    for (const [query, variables] of cases) {
      const res = await app.gql(query, variables, { token });
      expect(res.errors?.[0].extensions?.code, query).toBe('BAD_USER_INPUT');
    }
    const literal = await app.gql(`{ customers(first: 5, filter: { search: "a\\u0000" }) { totalCount } }`, {}, { token });
    expect(literal.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('other control characters in text fields are a userError', async () => {
    const res = await app.gql(Q.createCustomer, { input: { name: '王\u0007五', mobile: '13912345679' } }, { token: await app.login('advisor') });
    expect(res.data.createCustomer.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CHARACTERS', field: ['input', 'name'] })]);
  });

  it('a body that is not JSON, or too large, gets a GraphQL-shaped 400/413', async () => {
    const bad = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    const big = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ me { id } }`, variables: { x: 'x'.repeat(300_000) } }) });
    expect(big.status).toBe(413);
    const text = await big.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toContain('node_modules');
  });

  it('a WebSocket message over 200 kB closes the socket', async () => {
    const socket = new WebSocket(app.wsUrl, 'graphql-transport-ws');
    await new Promise((r) => socket.once('open', r));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await app.login('foreman')}` } }));
    await new Promise((r) => socket.once('message', r));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { boardEvents { cursor } }`, variables: { pad: 'x'.repeat(300_000) } } }));
    expect(await closed).toBe(1009);
  });

  it('limits apply over WebSocket too: depth and cost', async () => {
    const client = app.ws({ authorization: `Bearer ${await app.login('foreman')}` });
    const deep = collect(client, `subscription { boardEvents { card { workOrder { events { actor { store { bays { id } } } } } } } }`);
    await expect(deep.until(() => false, 3000)).rejects.toThrow(/depth/i);
    const costly = `{ ${Array.from({ length: 12 }, (_, i) => `a${i}: workOrders(first: 100) { edges { node { jobs { id } technicians { skills } events { actor { name } } } } }`).join(' ')} }`;
    const res = await app.gql(costly, {}, { token: await app.login('foreman') });
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/cost/i);
  });
});

describe('node(id) keeps the per-type role checks', () => {
  it('a technician cannot read a display token through node', async () => {
    const manager = await app.login('manager');
    const { data } = await app.gql(`{ displayTokens { id } }`, {}, { token: manager });
    const id = data.displayTokens[0].id;
    expect((await app.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { token: await app.login('tech1') })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { token: manager })).data.node.id).toBe(id);
  });
});

describe('configuration', () => {
  it('production turns introspection off unless WORKBAY_INTROSPECTION=1', () => {
    expect(readConfig({}).introspection).toBe(true);
    expect(readConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(readConfig({ NODE_ENV: 'production', WORKBAY_INTROSPECTION: '1' }).introspection).toBe(true);
    expect(readConfig({ WORKBAY_INTROSPECTION: '0' }).introspection).toBe(false);
  });
});
