/**
 * Issue 9 §4 and §6: the smaller leaks and sharp edges the attack found, each made again here.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../src/modules/audit/audit-log.entity.js';
import { mountPages } from '../src/pages.js';
import { createCustomerAndVehicle, createWorkOrder, Q, uniqueMobile, uniquePlate, uniqueVin } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ config: { trackingRequestsPerMinute: 20 } });
});
afterAll(() => app?.stop());
afterEach(() => vi.restoreAllMocks());

describe('§4 masked mobiles cannot be recovered by searching (R-ARC-5)', () => {
  const SEARCH = `query($s: String) { customers(first: 10, filter: { search: $s }) { totalCount edges { node { name mobile } } } }`;
  let mobile: string;
  beforeAll(async () => {
    mobile = uniqueMobile();
    await app.gql(Q.createCustomer, { input: { name: '搜索测试客户', mobile } }, { token: await app.login('advisor') });
  });

  it('a technician searching by the full mobile finds nothing', async () => {
    const res = await app.gql(SEARCH, { s: mobile }, { token: await app.login('tech1') });
    expect(res.data.customers.totalCount).toBe(0);
    // Nor by the hidden middle digits with the visible ones around them.
    expect((await app.gql(SEARCH, { s: mobile.slice(0, 7) }, { token: await app.login('tech1') })).data.customers.totalCount).toBe(0);
  });

  it('…but by the last four digits, and the result stays masked', async () => {
    const res = await app.gql(SEARCH, { s: mobile.slice(-4) }, { token: await app.login('tech1') });
    const found = res.data.customers.edges.map((e: any) => e.node).find((n: any) => n.name === '搜索测试客户');
    expect(found.mobile).toBe(`${mobile.slice(0, 3)}****${mobile.slice(-4)}`);
  });

  it('roles that see full mobiles still search by them', async () => {
    const res = await app.gql(SEARCH, { s: mobile }, { token: await app.login('cs') });
    expect(res.data.customers.edges).toEqual([{ node: { name: '搜索测试客户', mobile } }]);
  });
});

describe('§6 no "Did you mean" where introspection is off', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await startTestApp({ config: { introspection: false } });
  });
  afterAll(() => prod?.stop());

  it('fields, arguments, enum values and types are not suggested over HTTP', async () => {
    const token = await prod.login('manager');
    const cases = [
      `{ workOrdrs(first: 1) { totalCount } }`,
      `{ workOrders(frist: 1) { totalCount } }`,
      `{ staffMembers(first: 1, filter: { roles: [MANAGR] }) { totalCount } }`,
      `query($f: StaffFiltr) { staffMembers(first: 1, filter: $f) { totalCount } }`,
    ];
    for (const query of cases) {
      const res = await prod.gql(query, {}, { token });
      expect(res.errors?.length, query).toBeGreaterThan(0);
      expect(JSON.stringify(res.errors), query).not.toMatch(/Did you mean/);
    }
    const variable = await prod.gql(`query($r: [Role!]) { staffMembers(first: 1, filter: { roles: $r }) { totalCount } }`, { r: ['MANAGR'] }, { token });
    expect(variable.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(variable.errors)).not.toMatch(/Did you mean|SERVICE_MANAGER/);
  });

  it('nor over WebSocket', async () => {
    const client = prod.ws({ authorization: `Bearer ${await prod.login('manager')}` });
    const errors = await new Promise<unknown>((resolve) => client.subscribe({ query: `subscription { boardEvnts { cursor } }` }, { next: () => {}, error: resolve, complete: () => {} }));
    expect(JSON.stringify(errors)).toMatch(/boardEvnts/);
    expect(JSON.stringify(errors)).not.toMatch(/Did you mean|boardEvents/);
  });

  it('development keeps the suggestions', async () => {
    const res = await app.gql(`{ workOrdrs(first: 1) { totalCount } }`, {}, { token: await app.login('manager') });
    expect(JSON.stringify(res.errors)).toMatch(/Did you mean/);
  });
});

describe('§6 the pages send a Content-Security-Policy and cannot be framed', () => {
  it('/, /wall and /t/<token>: script-src self, no inline script, frame-ancestors none', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'workbay-dist-'));
    for (const f of ['index.html', 'wall.html', 'track.html']) fs.writeFileSync(path.join(dist, f), '<!doctype html><title>x</title>');
    const web = express();
    mountPages(web, dist);
    const server = http.createServer(web).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const page of ['/', '/wall', `/t/${'A'.repeat(43)}`]) {
        const res = await fetch(base + page);
        expect(res.status, page).toBe(200);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp, page).toMatch(/script-src 'self'(;|$)/);
        expect(csp, page).not.toMatch(/unsafe-inline[^;]*;?\s*$|script-src[^;]*unsafe/);
        expect(csp, page).toContain("frame-ancestors 'none'");
        expect(res.headers.get('x-frame-options'), page).toBe('DENY');
      }
    } finally {
      server.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('§6 client mistakes are answered as such and do not fill the log', () => {
  it('a persisted-query hash that does not match its query: a client error, nothing logged', async () => {
    const logged = vi.spyOn(console, 'error');
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.js/);
    expect(logged).not.toHaveBeenCalled();
  });

  it('a WebSocket frame over the limit closes the socket with 1009 and logs nothing', async () => {
    const logged = vi.spyOn(console, 'error');
    const socket = new WebSocket(app.wsUrl, 'graphql-transport-ws');
    await new Promise((r) => socket.once('open', r));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(300_000) } }));
    expect(await closed).toBe(1009);
    await new Promise((r) => setTimeout(r, 200));
    expect(logged).not.toHaveBeenCalled();
  });
});

describe('§6 trackingUrl and the VIN only for the roles that need them', () => {
  let id: string;
  beforeAll(async () => {
    id = (await createWorkOrder(app)).id;
  });
  const read = async (username: string, field: string) => app.gql(`query($id: ID!) { workOrder(id: $id) { id ${field} } }`, { id }, { token: await app.login(username) });

  for (const username of ['tech1', 'leader', 'qc', 'parts', 'warranty', 'cashier', 'foreman']) {
    it(`${username} cannot read trackingUrl`, async () => {
      const res = await read(username, 'trackingUrl');
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(res.data ?? {})).not.toContain('/t/');
    });
  }
  for (const username of ['advisor', 'manager', 'cs', 'admin']) {
    it(`${username} reads trackingUrl`, async () => expect((await read(username, 'trackingUrl')).data.workOrder.trackingUrl).toMatch(/\/t\//));
  }
  for (const username of ['tech1', 'tech2', 'leader', 'qc']) {
    it(`${username} cannot read the VIN`, async () => expect((await read(username, 'vehicle { vin }')).errors?.[0].extensions?.code).toBe('FORBIDDEN'));
  }
  for (const username of ['advisor', 'manager', 'cs', 'foreman', 'parts', 'warranty', 'cashier']) {
    it(`${username} reads the VIN`, async () => expect((await read(username, 'vehicle { vin }')).data.workOrder.vehicle.vin).toMatch(/^[A-Z0-9]{17}$/));
  }
});

describe('§6 single-line fields refuse bidi controls, zero-width characters and line breaks', () => {
  const sneaky = {
    'RTL override': '王\u202E五',
    'bidi isolate': '王\u2066五\u2069',
    'zero-width space': '王\u200B五',
    BOM: '王\uFEFF五',
    CR: '王五\r李四',
    LF: '王五\n李四',
  };
  for (const [what, name] of Object.entries(sneaky)) {
    it(`customer name with ${what}`, async () => {
      const res = await app.gql(Q.createCustomer, { input: { name, mobile: uniqueMobile() } }, { token: await app.login('advisor') });
      expect(res.data.createCustomer.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CHARACTERS', field: ['input', 'name'] })]);
    });
  }

  it('vehicle model, job title and display-token name too; nothing is written', async () => {
    const { customerId, vehicleId } = await createCustomerAndVehicle(app);
    const advisor = await app.login('advisor');
    const vehicle = await app.gql(Q.createVehicle, { input: { vin: uniqueVin(), plate: uniquePlate(), model: 'Lavida\u202Egnp.exe', ownerId: customerId } }, { token: advisor });
    expect(vehicle.data.createVehicle.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CHARACTERS', field: ['input', 'model'] })]);
    const wo = await app.gql(Q.createWorkOrder, { input: { vehicleId, complaint: '异响', jobs: [{ title: '保养\u200B', skill: 'MAINTENANCE', standardHours: 1 }] } }, { token: advisor });
    expect(wo.data.createWorkOrder.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CHARACTERS', field: ['input', 'jobs', '0', 'title'] })]);
    const display = await app.gql(`mutation($n: String!) { createDisplayToken(input: { name: $n }) { token userErrors { code field } } }`, { n: '墙\r北' }, { token: await app.login('manager') });
    expect(display.data.createDisplayToken).toMatchObject({ token: null, userErrors: [{ code: 'INVALID_CHARACTERS', field: ['input', 'name'] }] });
  });

  it('a complaint may span lines (CRLF kept as LF) but not carry bidi controls', async () => {
    const { vehicleId } = await createCustomerAndVehicle(app);
    const advisor = await app.login('advisor');
    const ok = await app.gql(Q.createWorkOrder, { input: { vehicleId, complaint: '冷车启动异响\r\n刹车时方向盘抖动' } }, { token: advisor });
    expect(ok.data.createWorkOrder.userErrors).toEqual([]);
    const read = await app.gql(`query($id: ID!) { workOrder(id: $id) { complaint } }`, { id: ok.data.createWorkOrder.workOrder.id }, { token: advisor });
    expect(read.data.workOrder.complaint).toBe('冷车启动异响\n刹车时方向盘抖动');
    const bad = await app.gql(Q.createWorkOrder, { input: { vehicleId, complaint: '异响\u2067在左\u2069' } }, { token: advisor });
    expect(bad.data.createWorkOrder.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CHARACTERS', field: ['input', 'complaint'] })]);
  });
});

describe('§6 dates a workshop can mean', () => {
  it('promisedAt in 9999 (or more than 180 days ahead) is refused on create and on delay', async () => {
    const { vehicleId } = await createCustomerAndVehicle(app);
    const advisor = await app.login('advisor');
    for (const promisedAt of ['9999-12-31T00:00:00Z', new Date(Date.now() + 181 * 86_400_000).toISOString()]) {
      const res = await app.gql(Q.createWorkOrder, { input: { vehicleId, complaint: '保养', promisedAt } }, { token: advisor });
      expect(res.data.createWorkOrder.userErrors).toEqual([expect.objectContaining({ code: 'PROMISED_AT_TOO_FAR', field: ['input', 'promisedAt'] })]);
    }
    const wo = await createWorkOrder(app);
    const delay = await app.gql(
      `mutation($input: ReportWorkOrderDelayInput!) { reportWorkOrderDelay(input: $input) { workOrder { id } userErrors { code field } } }`,
      { input: { id: wo.id, promisedAt: '9999-01-01T00:00:00Z', reason: '缺件', expectedVersion: wo.version } },
      { token: advisor },
    );
    expect(delay.data.reportWorkOrderDelay).toEqual({ workOrder: null, userErrors: [{ code: 'PROMISED_AT_TOO_FAR', field: ['input', 'promisedAt'] }] });
    const fine = await app.gql(Q.createWorkOrder, { input: { vehicleId, complaint: '钣喷', promisedAt: new Date(Date.now() + 30 * 86_400_000).toISOString() } }, { token: advisor });
    expect(fine.data.createWorkOrder.userErrors).toEqual([]);
  });
});

describe('§6 a plate belongs to one active vehicle of the store', () => {
  it('a second vehicle with the same plate is refused with DUPLICATE_PLATE; nothing written', async () => {
    const { customerId, vehicle } = await createCustomerAndVehicle(app);
    const advisor = await app.login('advisor');
    const before = await app.orm.em.fork().getConnection().execute(`select count(*)::int n from vehicle`);
    const res = await app.gql(Q.createVehicle, { input: { vin: uniqueVin(), plate: vehicle.plate, model: '帕萨特', ownerId: customerId } }, { token: advisor });
    expect(res.data.createVehicle).toEqual({ vehicle: null, userErrors: [expect.objectContaining({ code: 'DUPLICATE_PLATE', field: ['input', 'plate'] })] });
    const after = await app.orm.em.fork().getConnection().execute(`select count(*)::int n from vehicle`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('also when both are sent at once (the unique index decides)', async () => {
    const { customerId } = await createCustomerAndVehicle(app);
    const advisor = await app.login('advisor');
    const plate = uniquePlate();
    const results = await Promise.all(Array.from({ length: 4 }, () => app.gql(Q.createVehicle, { input: { vin: uniqueVin(), plate, model: '途观', ownerId: customerId } }, { token: advisor })));
    expect(results.filter((r) => r.data.createVehicle.vehicle)).toHaveLength(1);
    expect(results.filter((r) => r.data.createVehicle.userErrors[0]?.code === 'DUPLICATE_PLATE')).toHaveLength(3);
  });
});

describe('§6 updateStoreSettings with no change writes nothing', () => {
  it('no field: no version bump, no audit row', async () => {
    const token = await app.login('manager');
    const version = (await app.gql(`{ me { store { settingsVersion } } }`, {}, { token })).data.me.store.settingsVersion;
    const audits = await app.orm.em.fork().count(AuditLog, { action: 'store.settings' });
    const UPDATE = `mutation($input: UpdateStoreSettingsInput!) { updateStoreSettings(input: $input) { store { settingsVersion staleAfterMinutes } userErrors { code } } }`;
    const none = await app.gql(UPDATE, { input: { expectedSettingsVersion: version } }, { token });
    expect(none.data.updateStoreSettings).toMatchObject({ store: { settingsVersion: version }, userErrors: [] });
    const same = await app.gql(UPDATE, { input: { expectedSettingsVersion: version, staleAfterMinutes: none.data.updateStoreSettings.store.staleAfterMinutes } }, { token });
    expect(same.data.updateStoreSettings).toMatchObject({ store: { settingsVersion: version }, userErrors: [] });
    expect(await app.orm.em.fork().count(AuditLog, { action: 'store.settings' })).toBe(audits);
    const stale = await app.gql(UPDATE, { input: { expectedSettingsVersion: version - 1 } }, { token });
    expect(stale.data.updateStoreSettings.userErrors).toEqual([{ code: 'STALE_VERSION' }]);
  });
});

describe('§6 anonymous trackWorkOrder is rate limited per address', () => {
  it('past the budget (20 a minute here) the address gets RATE_LIMITED (HTTP 429); staff are not limited', async () => {
    const codes: number[] = [];
    let last: any;
    for (let i = 0; i < 25; i++) {
      const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `query($t: String!) { trackWorkOrder(token: $t) { number } }`, variables: { t: 'A'.repeat(43) } }) });
      codes.push(res.status);
      last = await res.json();
    }
    expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
    expect(codes.slice(20)).toEqual([429, 429, 429, 429, 429]);
    expect(last.errors[0].extensions.code).toBe('RATE_LIMITED');
    const staff = await app.gql(`query($t: String!) { trackWorkOrder(token: $t) { number } }`, { t: 'A'.repeat(43) }, { token: await app.login('advisor') });
    expect(staff.errors).toBeUndefined();
  });
});
