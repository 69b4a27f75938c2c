/**
 * Issue 9 §1–2: sign-in guesses are throttled atomically, before any password is compared; a growing
 * delay per account-and-address, per account and per address instead of a lock anyone can keep shut;
 * unknown usernames take the same path; failures and blocks are audited; usernames only for managers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../src/modules/audit/audit-log.entity.js';
import { startTestApp, PASSWORD, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  // Behind a (simulated) reverse proxy on loopback, so each test can speak from its own client address.
  app = await startTestApp({ config: { trustProxy: 'loopback' } });
});
afterAll(() => app?.stop());

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code field message } } }`;

async function login(username: string, password: string, from: string) {
  const res = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ query: LOGIN, variables: { input: { username, password } } }),
  });
  const body = (await res.json()) as any;
  return body.data.login as { token: string | null; userErrors: { code: string }[] };
}
const code = (r: { token: string | null; userErrors: { code: string }[] }) => (r.token ? 'TOKEN' : r.userErrors[0]?.code);

/** Audit rows of one staff member's sign-ins; written after the answer, so wait until they settle. */
async function auditRows(staffId: number, action: string) {
  let last = -1;
  for (;;) {
    const rows = await app.orm.em.fork().find(AuditLog, { entity: 'Staff', entityId: staffId, action });
    if (rows.length === last) return rows;
    last = rows.length;
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function expireBlocks() {
  await app.orm.em.fork().getConnection().execute(`update sign_in_throttle set blocked_until = now() - interval '1 second' where blocked_until > now()`);
}

describe('§1 parallel guesses cannot race past the limit', () => {
  it('60 parallel guesses, the right one last: no token, at most 5 passwords evaluated', async () => {
    const guesses = [...Array.from({ length: 59 }, (_, i) => `wrong-${i}`), PASSWORD];
    const results = await Promise.all(guesses.map((p) => login('tech2', p, '203.0.113.10')));
    expect(results.filter((r) => r.token)).toHaveLength(0);
    // Every evaluated wrong password writes one audit row; the right one was never evaluated (no token).
    const evaluated = await auditRows(app.staffIds.tech2, 'auth.sign_in_failed');
    expect(evaluated.length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => code(r) === 'INVALID_CREDENTIALS')).toHaveLength(evaluated.length);
    expect(results.filter((r) => code(r) === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(55);
    expect(code(await login('tech2', PASSWORD, '203.0.113.10'))).toBe('ACCOUNT_LOCKED');
  });
});

describe('§2 a growing delay nobody can keep shut', () => {
  it('the failure count starts again when a block expires, and the next block lasts twice as long', async () => {
    const from = '203.0.113.20';
    for (let i = 0; i < 5; i++) expect(code(await login('tech3', 'nope', from))).toBe('INVALID_CREDENTIALS');
    expect(code(await login('tech3', PASSWORD, from))).toBe('ACCOUNT_LOCKED');
    await expireBlocks();
    // One wrong guess after the block does not re-lock the account: the right password works.
    expect(code(await login('tech3', 'nope', from))).toBe('INVALID_CREDENTIALS');
    expect(code(await login('tech3', PASSWORD, from))).toBe('TOKEN');

    // A success starts the account afresh; guessing again from this address blocks after 5, then twice as long after the next 5.
    for (let i = 0; i < 5; i++) await login('tech3', 'nope', from);
    const first = await app.orm.em.fork().getConnection().execute(`select extract(epoch from max(blocked_until) - now()) s from sign_in_throttle`);
    expect(Number(first[0].s)).toBeGreaterThan(50);
    expect(Number(first[0].s)).toBeLessThanOrEqual(60);
    await expireBlocks();
    for (let i = 0; i < 5; i++) expect(code(await login('tech3', 'nope', from))).toBe('INVALID_CREDENTIALS');
    const second = await app.orm.em.fork().getConnection().execute(`select extract(epoch from max(blocked_until) - now()) s from sign_in_throttle`);
    expect(Number(second[0].s)).toBeGreaterThan(110);
    expect(Number(second[0].s)).toBeLessThanOrEqual(120);
    await expireBlocks();
  });

  it('guesses from one address do not lock the account for its owner at another address', async () => {
    for (let i = 0; i < 12; i++) await login('qc', 'nope', '198.51.100.66');
    expect(code(await login('qc', PASSWORD, '198.51.100.66'))).toBe('ACCOUNT_LOCKED');
    expect(code(await login('qc', PASSWORD, '192.0.2.7'))).toBe('TOKEN');
  });

  it('one address spraying many usernames is slowed down for every username', async () => {
    const from = '198.51.100.99';
    const codes: string[] = [];
    for (let i = 0; i < 32; i++) codes.push(code(await login(`sprayed-${i}`, 'Password1', from)));
    expect(codes.slice(0, 30).every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
    expect(codes.slice(30)).toEqual(['ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    expect(code(await login('cashier', PASSWORD, from))).toBe('ACCOUNT_LOCKED');
  });

  it('unknown usernames take the identical path: same answers, same block, a hash compared either way', async () => {
    const known: string[] = [];
    const unknown: string[] = [];
    const started = performance.now();
    for (let i = 0; i < 7; i++) unknown.push(code(await login('no-such-user', 'nope', '203.0.113.40')));
    const unknownMs = performance.now() - started;
    for (let i = 0; i < 7; i++) known.push(code(await login('parts', 'nope', '203.0.113.41')));
    expect(unknown).toEqual(known);
    expect(known).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    // Five scrypt comparisons (tens of ms each) were made for the unknown name too.
    expect(unknownMs).toBeGreaterThan(5 * 15);
  });

  it('failed sign-ins and the blocks they start go to the audit log (with the client address)', async () => {
    for (let i = 0; i < 5; i++) await login('cs', 'nope', '203.0.113.50');
    const failed = await auditRows(app.staffIds.cs, 'auth.sign_in_failed');
    const blocked = await auditRows(app.staffIds.cs, 'auth.sign_in_blocked');
    expect(failed).toHaveLength(5);
    expect(failed[0].data).toEqual({ address: '203.0.113.50' });
    expect(blocked).toEqual([expect.objectContaining({ data: expect.objectContaining({ scope: 'account-address', address: '203.0.113.50' }) })]);
  });
});

describe('§2 only managers list staff usernames', () => {
  const LIST = `{ staffMembers(first: 50) { edges { node { name username } } } }`;
  it('a technician cannot read other staff members’ usernames, but its own', async () => {
    const res = await app.gql(LIST, {}, { token: await app.login('tech1') });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(res.data ?? {})).not.toContain('advisor');
    const me = await app.gql(`{ me { username } }`, {}, { token: await app.login('tech1') });
    expect(me.data.me.username).toBe('tech1');
  });

  it('a manager can', async () => {
    const res = await app.gql(LIST, {}, { token: await app.login('manager') });
    expect(res.errors).toBeUndefined();
    expect(res.data.staffMembers.edges.map((e: any) => e.node.username)).toContain('advisor');
  });
});
