import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../src/modules/auth/session.entity.js';
import { collect } from './helpers/subscriptions.js';
import { startTestApp, PASSWORD, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token expiresAt staff { id name roles } userErrors { code field message } } }`;
const ME = `{ me { id name roles store { id name } } }`;

describe('sign-in and sessions', () => {
  it('logs in, answers me, and logs out', async () => {
    const res = await app.gql(LOGIN, { input: { username: 'foreman', password: PASSWORD } });
    const { token, staff, expiresAt } = res.data.login;
    expect(token).toMatch(/^wbs_/);
    expect(staff.roles).toEqual(['FOREMAN']);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() + 3600_000);
    const me = await app.gql(ME, {}, { token });
    expect(me.data.me).toMatchObject({ name: 'foreman-姓名', roles: ['FOREMAN'], store: { name: '测试大众4S店' } });
    await app.gql(`mutation { logout { ok } }`, {}, { token });
    expect((await app.gql(ME, {}, { token })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stores only a hash of the token', async () => {
    const res = await app.gql(LOGIN, { input: { username: 'qc', password: PASSWORD } });
    const sessions = await app.orm.em.fork().find(Session, {});
    expect(sessions.some((s) => s.tokenHash === res.data.login.token)).toBe(false);
    expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.tokenHash))).toBe(true);
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    const wrong = await app.gql(LOGIN, { input: { username: 'advisor', password: 'nope' } });
    const unknown = await app.gql(LOGIN, { input: { username: 'nobody', password: 'nope' } });
    expect(wrong.data.login.token).toBeNull();
    expect(wrong.data.login.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CREDENTIALS' })]);
    expect(unknown.data.login.userErrors).toEqual(wrong.data.login.userErrors);
  });

  it('locks an account after 5 failed attempts, even for the right password', async () => {
    const attempts = await Promise.all(Array.from({ length: 6 }, () => app.gql(LOGIN, { input: { username: 'warranty', password: 'guess' } })));
    expect(attempts.every((a) => a.data.login.token === null)).toBe(true);
    const right = await app.gql(LOGIN, { input: { username: 'warranty', password: PASSWORD } });
    expect(right.data.login.userErrors).toEqual([expect.objectContaining({ code: 'ACCOUNT_LOCKED' })]);
  });

  it('an expired token is UNAUTHENTICATED', async () => {
    const token = (await app.gql(LOGIN, { input: { username: 'cs', password: PASSWORD } })).data.login.token;
    expect((await app.gql(ME, {}, { token })).data.me.name).toBe('cs-姓名');
    await app.orm.em.fork().nativeUpdate(Session, { staff: app.staffIds.cs }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await app.gql(ME, {}, { token })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('open sockets follow their credential', () => {
  const closeCode = (client: ReturnType<TestApp['ws']>) => new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as { code: number }).code)));

  it('logging out closes the session’s sockets (4403)', async () => {
    const token = (await app.gql(LOGIN, { input: { username: 'parts', password: PASSWORD } })).data.login.token;
    const client = app.ws({ authorization: `Bearer ${token}` });
    const closed = closeCode(client);
    const sub = collect(client, `subscription { boardEvents { cursor } }`);
    await new Promise((r) => setTimeout(r, 300));
    await app.gql(`mutation { logout { ok } }`, {}, { token });
    expect(await closed).toBe(4403);
    sub.stop();
  });

  it('a session that expires while connected is closed (4401)', async () => {
    const token = (await app.gql(LOGIN, { input: { username: 'leader', password: PASSWORD } })).data.login.token;
    await app.orm.em.fork().nativeUpdate(Session, { staff: app.staffIds.leader }, { expiresAt: new Date(Date.now() + 1500) });
    const client = app.ws({ authorization: `Bearer ${token}` });
    const closed = closeCode(client);
    collect(client, `subscription { boardEvents { cursor } }`);
    expect(await closed).toBe(4401);
  });
});

describe('every operation is authenticated and authorised by role', () => {
  const anonymous = [ME, `{ workOrders(first: 1) { totalCount } }`, `{ customers(first: 1) { totalCount } }`, `{ staffMembers(first: 1) { totalCount } }`, `{ board { cursor } }`, `{ node(id: "x") { id } }`];
  for (const query of anonymous) {
    it(`without a token: ${query}`, async () => {
      const res = await app.gql(query, {});
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(Object.values(res.data ?? {}).every((v) => v === null)).toBe(true);
    });
  }

  it('a garbage or foreign-format token is UNAUTHENTICATED', async () => {
    for (const token of ['wbs_garbage-garbage-garbage', 'Bearer', 'x'.repeat(300)]) {
      expect((await app.gql(ME, {}, { token })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('wrong role → FORBIDDEN, nothing written', async () => {
    const res = await app.gql(`mutation { createCustomer(input: { name: "王五", mobile: "13912345678" }) { customer { id } } }`, {}, { token: await app.login('tech1') });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const count = await app.gql(`{ customers(first: 1) { totalCount } }`, {}, { token: await app.login('advisor') });
    expect(count.data.customers.totalCount).toBe(0);
  });

  it('another store’s objects are invisible', async () => {
    const token = await app.login('other_manager');
    const mine = await app.gql(`{ staffMembers(first: 100) { totalCount edges { node { name } } } }`, {}, { token });
    expect(mine.data.staffMembers.edges.map((e: { node: { name: string } }) => e.node.name).sort()).toEqual(['别店技师', '别店经理']);
  });

  it('staffMembers filters by role and pages', async () => {
    const token = await app.login('foreman');
    const q = `query($first: Int, $after: String, $filter: StaffFilter) { staffMembers(first: $first, after: $after, filter: $filter) { totalCount edges { cursor node { id name roles skills } } pageInfo { hasNextPage endCursor } } }`;
    const techs = await app.gql(q, { first: 2, filter: { roles: ['TECHNICIAN'] } }, { token });
    expect(techs.data.staffMembers.totalCount).toBe(4); // tech1-3 and the team leader
    expect(techs.data.staffMembers.edges).toHaveLength(2);
    expect(techs.data.staffMembers.pageInfo.hasNextPage).toBe(true);
    const rest = await app.gql(q, { first: 2, after: techs.data.staffMembers.pageInfo.endCursor, filter: { roles: ['TECHNICIAN'] } }, { token });
    expect(rest.data.staffMembers.edges).toHaveLength(2);
    expect(rest.data.staffMembers.pageInfo.hasNextPage).toBe(false);
  });
});

describe('abuse limits', () => {
  it('connections refuse first > 100', async () => {
    const res = await app.gql(`{ workOrders(first: 101) { totalCount } }`, {}, { token: await app.login('manager') });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses too deep, too many aliases and too many tokens', async () => {
    const token = await app.login('manager');
    const deep = `{ workOrders(first: 1) { edges { node { events { actor { store { bays { id } } } } } } } }`;
    expect((await app.gql(deep, {}, { token })).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const allowed = `{ workOrders(first: 1) { edges { node { events { actor { name } } } } } }`;
    expect((await app.gql(allowed, {}, { token })).errors).toBeUndefined();
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect((await app.gql(aliases, {}, { token })).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const tokens = `{ me { ${Array.from({ length: 3000 }, () => 'id').join(' ')} } }`;
    expect((await app.gql(tokens, {}, { token })).errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('introspection is off in production unless configured', async () => {
    const prod = await startTestApp({ fixture: false, config: { introspection: false } });
    try {
      const res = await prod.gql(`{ __schema { types { name } } }`);
      expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await prod.stop();
    }
    const res = await app.gql(`{ __schema { queryType { name } } }`);
    expect(res.data.__schema.queryType.name).toBe('Query');
  });
});
