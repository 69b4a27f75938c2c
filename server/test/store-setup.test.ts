import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import { AuditLog } from '../src/modules/audit/audit-log.entity.js';
import { Session } from '../src/modules/auth/session.entity.js';
import { Staff } from '../src/modules/staff/staff.entity.js';
import { Bay } from '../src/modules/store/bay.entity.js';
import { Store } from '../src/modules/store/store.entity.js';
import { move, Q, versionOf, workOrderIn } from './helpers/flows.js';
import { collect } from './helpers/subscriptions.js';
import { PASSWORD, startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const E = `userErrors { code field message }`;
const BAY = `bay { id name skills active position version }`;
const CREATE_BAY = `mutation($input: CreateBayInput!) { createBay(input: $input) { ${BAY} ${E} } }`;
const UPDATE_BAY = `mutation($input: UpdateBayInput!) { updateBay(input: $input) { ${BAY} ${E} } }`;
const DEACTIVATE_BAY = `mutation($input: BayIdInput!) { deactivateBay(input: $input) { ${BAY} ${E} } }`;
const REACTIVATE_BAY = `mutation($input: BayIdInput!) { reactivateBay(input: $input) { ${BAY} ${E} } }`;
const BAYS = `query($all: Boolean!) { me { store { bays(includeInactive: $all) { id name active } } } }`;

const STAFF = `staff { id username name roles skills businessPhone active version }`;
const CREATE_STAFF = `mutation($input: CreateStaffInput!) { createStaff(input: $input) { ${STAFF} generatedPassword ${E} } }`;
const UPDATE_STAFF = `mutation($input: UpdateStaffInput!) { updateStaff(input: $input) { ${STAFF} ${E} } }`;
const DEACTIVATE_STAFF = `mutation($input: StaffIdInput!) { deactivateStaff(input: $input) { ${STAFF} ${E} } }`;
const REACTIVATE_STAFF = `mutation($input: StaffIdInput!) { reactivateStaff(input: $input) { ${STAFF} ${E} } }`;
const RESET_PASSWORD = `mutation($input: ResetStaffPasswordInput!) { resetStaffPassword(input: $input) { ${STAFF} generatedPassword ${E} } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;
const ME = `{ me { id roles } }`;

const as = async (username: string) => ({ token: await app.login(username) });
const bayId = (i: number) => toGlobalId('Bay', app.bays[i].id);
const staffId = (username: string) => toGlobalId('Staff', app.staffIds[username]);
const codes = (payload: { userErrors: { code: string; field: string[] | null }[] }) => payload.userErrors.map((e) => `${e.code}@${e.field?.join('.')}`).sort();
const db = () => app.orm.em.fork();
const signIn = async (username: string, password: string) => (await app.gql(LOGIN, { input: { username, password } })).data.login as { token: string | null; userErrors: { code: string }[] };

describe('bays: a manager sets up the bays of the store', () => {
  it('creates a bay after the others, with its skills; it is listed and audited', async () => {
    const res = await app.gql(CREATE_BAY, { input: { name: ' 4号工位 ', skills: ['BODY', 'PAINT', 'BODY'] } }, await as('manager'));
    expect(res.data.createBay).toEqual({ bay: { id: expect.any(String), name: '4号工位', skills: ['BODY', 'PAINT'], active: true, position: 3, version: 1 }, userErrors: [] });
    const listed = (await app.gql(BAYS, { all: false }, await as('foreman'))).data.me.store.bays.map((b: { name: string }) => b.name);
    expect(listed).toEqual(['1号工位', '2号工位', '3号工位', '4号工位']);
    expect(await db().count(AuditLog, { action: 'bay.create', actor: app.staffIds.manager })).toBe(1);
    const byAdmin = await app.gql(CREATE_BAY, { input: { name: '快修工位', skills: ['MAINTENANCE'], position: 0 } }, await as('admin'));
    expect(byAdmin.data.createBay.bay).toMatchObject({ name: '快修工位', position: 0 });
  });

  it('refuses a missing, too long or duplicate name and a position out of range; nothing is written', async () => {
    const before = await db().count(Bay, {});
    const token = await as('manager');
    const empty = await app.gql(CREATE_BAY, { input: { name: '  ', position: 5000 } }, token);
    expect(codes(empty.data.createBay)).toEqual(['OUT_OF_RANGE@input.position', 'REQUIRED@input.name']);
    expect(empty.data.createBay.bay).toBeNull();
    const long = await app.gql(CREATE_BAY, { input: { name: 'x'.repeat(51) } }, token);
    expect(codes(long.data.createBay)).toEqual(['TOO_LONG@input.name']);
    const dup = await app.gql(CREATE_BAY, { input: { name: '1号工位' } }, token);
    expect(codes(dup.data.createBay)).toEqual(['DUPLICATE_BAY_NAME@input.name']);
    expect(dup.data.createBay.userErrors[0].message).toContain('1号工位');
    expect(await db().count(Bay, {})).toBe(before);
  });

  it('only managers and admins: every other role is FORBIDDEN and nothing is written', async () => {
    const before = await db().count(Bay, {});
    for (const username of ['foreman', 'advisor', 'tech1', 'qc', 'cashier']) {
      const token = await as(username);
      expect((await app.gql(CREATE_BAY, { input: { name: `${username}工位` } }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await app.gql(UPDATE_BAY, { input: { id: bayId(1), expectedVersion: 1, name: 'x' } }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await app.gql(DEACTIVATE_BAY, { input: { id: bayId(1) } }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await app.gql(REACTIVATE_BAY, { input: { id: bayId(1) } }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await app.gql(CREATE_BAY, { input: { name: 'anon' } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await db().count(Bay, {})).toBe(before);
    expect((await db().findOneOrFail(Bay, app.bays[1].id)).name).toBe('2号工位');
  });

  it('renames, re-equips and moves a bay under an optimistic lock', async () => {
    const token = await as('manager');
    const created = (await app.gql(CREATE_BAY, { input: { name: '5号工位' } }, token)).data.createBay.bay;
    const res = await app.gql(UPDATE_BAY, { input: { id: created.id, expectedVersion: 1, name: '5号 四轮定位', skills: ['CHASSIS'], position: 1 } }, token);
    expect(res.data.updateBay).toEqual({ bay: { id: created.id, name: '5号 四轮定位', skills: ['CHASSIS'], active: true, position: 1, version: 2 }, userErrors: [] });
    const stale = await app.gql(UPDATE_BAY, { input: { id: created.id, expectedVersion: 1, name: '旧名' } }, token);
    expect(codes(stale.data.updateBay)).toEqual(['STALE_VERSION@input.expectedVersion']);
    expect(stale.data.updateBay.userErrors[0].message).toContain('2');
    const dup = await app.gql(UPDATE_BAY, { input: { id: created.id, expectedVersion: 2, name: '2号工位' } }, token);
    expect(codes(dup.data.updateBay)).toEqual(['DUPLICATE_BAY_NAME@input.name']);
    const row = await db().findOneOrFail(Bay, { name: '5号 四轮定位' });
    expect(row).toMatchObject({ skills: ['CHASSIS'], version: 2, position: 1 });
    const audit = await db().findOneOrFail(AuditLog, { action: 'bay.update', entityId: row.id });
    expect(audit.data).toMatchObject({ before: { name: '5号工位' }, after: { name: '5号 四轮定位' } });
  });

  it('two managers saving the same version: one wins, the other gets STALE_VERSION', async () => {
    const [manager, admin] = [await as('manager'), await as('admin')];
    const created = (await app.gql(CREATE_BAY, { input: { name: '并发工位' } }, manager)).data.createBay.bay;
    const results = await Promise.all([
      app.gql(UPDATE_BAY, { input: { id: created.id, expectedVersion: 1, name: '并发A' } }, manager),
      app.gql(UPDATE_BAY, { input: { id: created.id, expectedVersion: 1, name: '并发B' } }, admin),
    ]);
    expect(results.filter((r) => r.data.updateBay.bay)).toHaveLength(1);
    expect(results.flatMap((r) => r.data.updateBay.userErrors.map((e: { code: string }) => e.code))).toEqual(['STALE_VERSION']);
  });

  it('refuses to deactivate a bay with a car IN_PROGRESS (BAY_IN_USE); an idle bay leaves the floor and comes back', async () => {
    const manager = await as('manager');
    const busy = await workOrderIn(app, 'IN_PROGRESS', 0);
    const refused = await app.gql(DEACTIVATE_BAY, { input: { id: bayId(0) } }, manager);
    expect(codes(refused.data.deactivateBay)).toEqual(['BAY_IN_USE@input.id']);
    expect(refused.data.deactivateBay.userErrors[0].message).toContain(busy.number);
    expect((await db().findOneOrFail(Bay, app.bays[0].id)).active).toBe(true);

    const off = await app.gql(DEACTIVATE_BAY, { input: { id: bayId(2) } }, manager);
    expect(off.data.deactivateBay.bay).toMatchObject({ active: false, version: 2 });
    const floor = (await app.gql(BAYS, { all: false }, await as('foreman'))).data.me.store.bays.map((b: { name: string }) => b.name);
    expect(floor).not.toContain('3号工位');
    const all = (await app.gql(BAYS, { all: true }, manager)).data.me.store.bays;
    expect(all).toContainEqual({ id: bayId(2), name: '3号工位', active: false });
    expect((await app.gql(BAYS, { all: true }, await as('foreman'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // A deactivated bay cannot be assigned.
    const wo = await workOrderIn(app, 'QUEUED');
    const assign = await app.gql(Q.assign, { input: { id: wo.id, bayId: bayId(2), technicianIds: [staffId('tech3')], expectedVersion: await versionOf(app, wo.id) } }, await as('foreman'));
    expect(assign.data.assignWorkOrder.userErrors.map((e: { code: string }) => e.code)).toContain('NOT_FOUND');

    const on = await app.gql(REACTIVATE_BAY, { input: { id: bayId(2) } }, manager);
    expect(on.data.reactivateBay.bay).toMatchObject({ active: true, version: 3 });
    expect(await db().count(AuditLog, { action: { $in: ['bay.deactivate', 'bay.reactivate'] }, entityId: app.bays[2].id })).toBe(2);
  });

  it('an order assigned to a bay that was then deactivated cannot start there (BAY_INACTIVE) until it is reassigned', async () => {
    const manager = await as('manager');
    const bay = (await app.gql(CREATE_BAY, { input: { name: '临时工位', skills: ['ENGINE'] } }, manager)).data.createBay.bay;
    const wo = await workOrderIn(app, 'QUEUED');
    const assigned = await app.gql(Q.assign, { input: { id: wo.id, bayId: bay.id, technicianIds: [staffId('tech1')], expectedVersion: await versionOf(app, wo.id) } }, await as('foreman'));
    expect(assigned.data.assignWorkOrder.userErrors).toEqual([]);
    expect((await app.gql(DEACTIVATE_BAY, { input: { id: bay.id } }, manager)).data.deactivateBay.bay.active).toBe(false);

    const start = await move(app, 'tech1', wo.id, 'IN_PROGRESS', { expectedVersion: await versionOf(app, wo.id) });
    expect(codes(start)).toEqual(['BAY_INACTIVE@input.to']);
    expect(start.userErrors[0].message).toContain('临时工位');
    expect((await app.gql(Q.workOrder, { id: wo.id }, manager)).data.workOrder.status).toBe('QUEUED');

    const spare = (await app.gql(CREATE_BAY, { input: { name: '备用工位', skills: ['ENGINE'] } }, manager)).data.createBay.bay;
    await app.gql(Q.assign, { input: { id: wo.id, bayId: spare.id, technicianIds: [staffId('tech1')], expectedVersion: await versionOf(app, wo.id) } }, await as('foreman'));
    expect((await move(app, 'tech1', wo.id, 'IN_PROGRESS', { expectedVersion: await versionOf(app, wo.id) })).workOrder.status).toBe('IN_PROGRESS');
  });

  it('deactivating a bay while a car starts on it: exactly one of the two wins', async () => {
    const manager = await as('manager');
    for (let round = 0; round < 3; round++) {
      const bay = (await app.gql(CREATE_BAY, { input: { name: `竞争工位${round}`, skills: ['ENGINE'] } }, manager)).data.createBay.bay;
      const wo = await workOrderIn(app, 'QUEUED');
      await app.gql(Q.assign, { input: { id: wo.id, bayId: bay.id, technicianIds: [staffId('tech1')], expectedVersion: await versionOf(app, wo.id) } }, await as('foreman'));
      const version = await versionOf(app, wo.id);
      const [off, start] = await Promise.all([
        app.gql(DEACTIVATE_BAY, { input: { id: bay.id } }, manager),
        move(app, 'tech1', wo.id, 'IN_PROGRESS', { expectedVersion: version }),
      ]);
      const outcome = [codes(off.data.deactivateBay).join() || 'deactivated', codes(start).join() || 'started'].join(' / ');
      expect(['deactivated / BAY_INACTIVE@input.to', 'BAY_IN_USE@input.id / started']).toContain(outcome);
      const row = await db().findOneOrFail(Bay, { name: `竞争工位${round}` });
      const status = (await app.gql(Q.workOrder, { id: wo.id }, manager)).data.workOrder.status;
      expect(row.active ? status === 'IN_PROGRESS' : status === 'QUEUED').toBe(true);
    }
  });

  it("a manager of another store cannot see or touch this store's bays", async () => {
    const other = await as('other_manager');
    const upd = await app.gql(UPDATE_BAY, { input: { id: bayId(1), expectedVersion: 1, name: '抢来的' } }, other);
    expect(codes(upd.data.updateBay)).toEqual(['NOT_FOUND@input.id']);
    const off = await app.gql(DEACTIVATE_BAY, { input: { id: bayId(1) } }, other);
    expect(codes(off.data.deactivateBay)).toEqual(['NOT_FOUND@input.id']);
    const bays = (await app.gql(BAYS, { all: true }, other)).data.me.store.bays.map((b: { name: string }) => b.name);
    expect(bays).toEqual(['别店工位']);
    // A bay created by the other store's manager lands in the other store.
    const created = await app.gql(CREATE_BAY, { input: { name: '1号工位' } }, other);
    expect(created.data.createBay.bay).toMatchObject({ name: '1号工位' });
    expect(await db().count(Bay, { store: app.otherStoreId })).toBe(2);
    expect(await db().findOneOrFail(Bay, app.bays[1].id)).toMatchObject({ name: '2号工位', active: true, version: 1 });
  });
});

describe('staff: a manager runs the accounts of the store', () => {
  it('creates an account with a password that signs in; usernames are case-insensitive', async () => {
    const res = await app.gql(CREATE_STAFF, { input: { username: ' Tech5 ', name: '王师傅', roles: ['TECHNICIAN'], skills: ['ENGINE', 'CHASSIS'], businessPhone: '010-1234 5601', password: 'long-enough-1' } }, await as('manager'));
    expect(res.data.createStaff).toMatchObject({
      staff: { username: 'tech5', name: '王师傅', roles: ['TECHNICIAN'], skills: ['ENGINE', 'CHASSIS'], businessPhone: '010-1234 5601', active: true, version: 1 },
      generatedPassword: null,
      userErrors: [],
    });
    const row = await db().findOneOrFail(Staff, { username: 'tech5' });
    expect(row.store.id).toBe(app.storeId);
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain('long-enough-1');
    expect((await signIn('TECH5', 'long-enough-1')).token).toMatch(/^wbs_/);
    expect(await db().count(AuditLog, { action: 'staff.create', entityId: row.id })).toBe(1);
  });

  it('without a password one is generated, returned once, and signs in', async () => {
    const res = await app.gql(CREATE_STAFF, { input: { username: 'advisor9', name: '李顾问', roles: ['SERVICE_ADVISOR'] } }, await as('admin'));
    const generated = res.data.createStaff.generatedPassword as string;
    expect(generated).toMatch(/^[A-Za-z0-9]{14}$/);
    expect((await signIn('advisor9', generated)).token).toMatch(/^wbs_/);
    const staff = (await app.gql(`query($id: ID!) { node(id: $id) { ... on Staff { username } } }`, { id: res.data.createStaff.staff.id }, await as('manager'))).data.node;
    expect(staff).toEqual({ username: 'advisor9' });
  });

  it('refuses bad usernames, taken usernames (in any store), weak passwords, no roles and bad phones; nothing is written', async () => {
    const before = await db().count(Staff, {});
    const token = await as('manager');
    const bad = await app.gql(CREATE_STAFF, { input: { username: 'a b', name: '', roles: [], businessPhone: 'call me', password: 'short' } }, token);
    expect(codes(bad.data.createStaff)).toEqual(['INVALID_PHONE@input.businessPhone', 'INVALID_USERNAME@input.username', 'PASSWORD_TOO_SHORT@input.password', 'REQUIRED@input.name', 'ROLES_REQUIRED@input.roles']);
    expect(bad.data.createStaff.staff).toBeNull();
    expect(bad.data.createStaff.userErrors.find((e: { code: string }) => e.code === 'PASSWORD_TOO_SHORT').message).toContain('8');
    const same = await app.gql(CREATE_STAFF, { input: { username: 'newbie1', name: '新人', roles: ['CASHIER'], password: 'NEWBIE1 ' } }, token);
    expect(codes(same.data.createStaff)).toEqual(['PASSWORD_IS_USERNAME@input.password']);
    const tooLong = await app.gql(CREATE_STAFF, { input: { username: 'newbie1', name: '新人', roles: ['CASHIER'], password: 'x'.repeat(201) } }, token);
    expect(codes(tooLong.data.createStaff)).toEqual(['PASSWORD_TOO_LONG@input.password']);
    for (const username of ['tech1', 'OTHER_TECH']) {
      const taken = await app.gql(CREATE_STAFF, { input: { username, name: '重名', roles: ['TECHNICIAN'], password: 'long-enough-1' } }, token);
      expect(codes(taken.data.createStaff)).toEqual(['USERNAME_TAKEN@input.username']);
    }
    expect(await db().count(Staff, {})).toBe(before);
  });

  it('only an ADMIN grants ADMIN or touches an administrator', async () => {
    const manager = await as('manager');
    const before = await db().count(Staff, {});
    const create = await app.gql(CREATE_STAFF, { input: { username: 'boss2', name: '二老板', roles: ['ADMIN'], password: 'long-enough-1' } }, manager);
    expect(codes(create.data.createStaff)).toEqual(['ADMIN_REQUIRED@input.roles']);
    expect(await db().count(Staff, {})).toBe(before);
    const grant = await app.gql(UPDATE_STAFF, { input: { id: staffId('cs'), expectedVersion: 1, roles: ['CUSTOMER_SERVICE', 'ADMIN'] } }, manager);
    expect(codes(grant.data.updateStaff)).toEqual(['ADMIN_REQUIRED@input.roles']);
    for (const [query, key] of [[RESET_PASSWORD, 'resetStaffPassword'], [DEACTIVATE_STAFF, 'deactivateStaff']] as const) {
      const touch = await app.gql(query, { input: { id: staffId('admin') } }, manager);
      expect(codes(touch.data[key])).toEqual(['ADMIN_REQUIRED@input.id']);
    }
    const rename = await app.gql(UPDATE_STAFF, { input: { id: staffId('admin'), expectedVersion: 1, name: '改名' } }, manager);
    expect(codes(rename.data.updateStaff)).toEqual(['ADMIN_REQUIRED@input.id']);
    expect((await signIn('admin', PASSWORD)).token).toMatch(/^wbs_/);
    expect(await db().findOneOrFail(Staff, app.staffIds.cs)).toMatchObject({ roles: ['CUSTOMER_SERVICE'], version: 1 });

    const byAdmin = await app.gql(CREATE_STAFF, { input: { username: 'boss2', name: '二老板', roles: ['ADMIN'], password: 'long-enough-1' } }, await as('admin'));
    expect(byAdmin.data.createStaff.staff.roles).toEqual(['ADMIN']);
  });

  it('nobody locks themselves out: no self-deactivation, no removing your own manager role', async () => {
    const manager = await as('manager');
    const self = await app.gql(DEACTIVATE_STAFF, { input: { id: staffId('manager') } }, manager);
    expect(codes(self.data.deactivateStaff)).toEqual(['SELF_LOCKOUT@input.id']);
    expect(self.data.deactivateStaff.userErrors[0].message).toBe('不能停用自己的账号或取消自己的管理岗位');
    const inEnglish = await app.gql(DEACTIVATE_STAFF, { input: { id: staffId('manager') } }, { ...manager, locale: 'en' });
    expect(inEnglish.data.deactivateStaff.userErrors[0].message).toBe('You cannot deactivate yourself or remove your own manager role');
    const demote = await app.gql(UPDATE_STAFF, { input: { id: staffId('manager'), expectedVersion: 1, roles: ['SERVICE_ADVISOR'] } }, manager);
    expect(codes(demote.data.updateStaff)).toEqual(['SELF_LOCKOUT@input.roles']);
    const adminSelf = await app.gql(UPDATE_STAFF, { input: { id: staffId('admin'), expectedVersion: 1, roles: ['SERVICE_MANAGER'] } }, await as('admin'));
    expect(codes(adminSelf.data.updateStaff)).toEqual(['SELF_LOCKOUT@input.roles']);
    // Adding a role to yourself, and editing your own phone, are fine.
    const more = await app.gql(UPDATE_STAFF, { input: { id: staffId('manager'), expectedVersion: 1, roles: ['SERVICE_MANAGER', 'SERVICE_ADVISOR'], businessPhone: '010-1234 5699' } }, manager);
    expect(more.data.updateStaff.staff).toMatchObject({ roles: ['SERVICE_MANAGER', 'SERVICE_ADVISOR'], businessPhone: '010-1234 5699', version: 2 });
    expect((await db().findOneOrFail(Staff, app.staffIds.manager)).active).toBe(true);
    expect((await app.gql(ME, {}, manager)).data.me.roles).toEqual(['SERVICE_MANAGER', 'SERVICE_ADVISOR']);
  });

  it('sets roles, skills and business phone under an optimistic lock; the new roles apply at once', async () => {
    const manager = await as('manager');
    const created = (await app.gql(CREATE_STAFF, { input: { username: 'tech6', name: '赵师傅', roles: ['TECHNICIAN'], password: 'long-enough-1' } }, manager)).data.createStaff.staff;
    const token = (await signIn('tech6', 'long-enough-1')).token!;
    expect((await app.gql(CREATE_BAY, { input: { name: 'tech6工位' } }, { token })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const res = await app.gql(UPDATE_STAFF, { input: { id: created.id, expectedVersion: 1, roles: ['TECHNICIAN', 'TEAM_LEADER'], skills: ['ELECTRICAL'], businessPhone: '400-800-8888 转 12', name: '赵组长' } }, manager);
    expect(res.data.updateStaff).toMatchObject({ staff: { roles: ['TECHNICIAN', 'TEAM_LEADER'], skills: ['ELECTRICAL'], businessPhone: '400-800-8888 转 12', name: '赵组长', version: 2 }, userErrors: [] });
    expect((await app.gql(ME, {}, { token })).data.me.roles).toEqual(['TECHNICIAN', 'TEAM_LEADER']);

    const stale = await app.gql(UPDATE_STAFF, { input: { id: created.id, expectedVersion: 1, skills: ['PAINT'] } }, manager);
    expect(codes(stale.data.updateStaff)).toEqual(['STALE_VERSION@input.expectedVersion']);
    const invalid = await app.gql(UPDATE_STAFF, { input: { id: created.id, expectedVersion: 2, roles: [], businessPhone: 'abc', name: '\u0007' } }, manager);
    expect(codes(invalid.data.updateStaff)).toEqual(['INVALID_CHARACTERS@input.name', 'INVALID_PHONE@input.businessPhone', 'ROLES_REQUIRED@input.roles']);
    const clear = await app.gql(UPDATE_STAFF, { input: { id: created.id, expectedVersion: 2, businessPhone: '' } }, manager);
    expect(clear.data.updateStaff.staff).toMatchObject({ businessPhone: null, skills: ['ELECTRICAL'], version: 3 });
    const row = await db().findOneOrFail(Staff, { username: 'tech6' });
    expect(row).toMatchObject({ skills: ['ELECTRICAL'], roles: ['TECHNICIAN', 'TEAM_LEADER'], version: 3 });
    expect(await db().count(AuditLog, { action: 'staff.update', entityId: row.id })).toBe(2);
  });

  it('two managers editing the same person from the same version: one wins', async () => {
    const [manager, admin] = [await as('manager'), await as('admin')];
    const created = (await app.gql(CREATE_STAFF, { input: { username: 'contested', name: '抢手', roles: ['TECHNICIAN'], password: 'long-enough-1' } }, manager)).data.createStaff.staff;
    const results = await Promise.all([
      app.gql(UPDATE_STAFF, { input: { id: created.id, expectedVersion: 1, skills: ['ENGINE'] } }, manager),
      app.gql(UPDATE_STAFF, { input: { id: created.id, expectedVersion: 1, skills: ['PAINT'] } }, admin),
    ]);
    expect(results.filter((r) => r.data.updateStaff.staff)).toHaveLength(1);
    expect(results.flatMap((r) => r.data.updateStaff.userErrors.map((e: { code: string }) => e.code))).toEqual(['STALE_VERSION']);
    expect((await db().findOneOrFail(Staff, { username: 'contested' })).version).toBe(2);
  });

  it("taking a role away closes the person's sockets (they reconnect with the new roles); the session stays", async () => {
    const manager = await as('manager');
    const created = (await app.gql(CREATE_STAFF, { input: { username: 'moving', name: '转岗顾问', roles: ['SERVICE_ADVISOR', 'CASHIER'], password: 'long-enough-1' } }, manager)).data.createStaff.staff;
    const token = (await signIn('moving', 'long-enough-1')).token!;
    const client = app.ws({ authorization: `Bearer ${token}` });
    const closed = new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as { code: number }).code)));
    const sub = collect(client, `subscription { boardEvents { cursor } }`);
    await new Promise((r) => setTimeout(r, 300));
    // Adding a role leaves the socket open; removing one closes it.
    const added = await app.gql(UPDATE_STAFF, { input: { id: created.id, expectedVersion: 1, roles: ['SERVICE_ADVISOR', 'CASHIER', 'CUSTOMER_SERVICE'] } }, manager);
    expect(added.data.updateStaff.userErrors).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(sub.completed || sub.errors.length > 0).toBe(false);
    await app.gql(UPDATE_STAFF, { input: { id: created.id, expectedVersion: 2, roles: ['CASHIER'] } }, manager);
    expect(await closed).toBe(4403);
    sub.stop();
    expect((await app.gql(ME, {}, { token })).data.me.roles).toEqual(['CASHIER']);
  });

  it('deactivating ends the sessions and closes the sockets; reactivating lets the person sign in again', async () => {
    const manager = await as('manager');
    const created = (await app.gql(CREATE_STAFF, { input: { username: 'leaver', name: '离职技师', roles: ['TECHNICIAN'], password: 'long-enough-1' } }, manager)).data.createStaff.staff;
    const token = (await signIn('leaver', 'long-enough-1')).token!;
    const client = app.ws({ authorization: `Bearer ${token}` });
    const closed = new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as { code: number }).code)));
    const sub = collect(client, `subscription { boardEvents { cursor } }`);
    await new Promise((r) => setTimeout(r, 300));

    const res = await app.gql(DEACTIVATE_STAFF, { input: { id: created.id } }, manager);
    expect(res.data.deactivateStaff.staff).toMatchObject({ active: false, version: 2 });
    expect(await closed).toBe(4403);
    sub.stop();
    expect((await app.gql(ME, {}, { token })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await signIn('leaver', 'long-enough-1')).userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS']);
    expect(await db().count(Session, { staff: app.staffIds.manager, revokedAt: { $ne: null } })).toBe(0);
    expect(await db().count(Session, { staff: { username: 'leaver' }, revokedAt: null })).toBe(0);

    const back = await app.gql(REACTIVATE_STAFF, { input: { id: created.id } }, manager);
    expect(back.data.reactivateStaff.staff).toMatchObject({ active: true, version: 3 });
    expect((await signIn('leaver', 'long-enough-1')).token).toMatch(/^wbs_/);
    expect(await db().count(AuditLog, { action: { $in: ['staff.deactivate', 'staff.reactivate'] } })).toBe(2);
  });

  it('resetting a password ends the old sessions, unlocks the account, and the new one signs in', async () => {
    const manager = await as('manager');
    const created = (await app.gql(CREATE_STAFF, { input: { username: 'forgetful', name: '健忘', roles: ['CASHIER'], password: 'long-enough-1' } }, manager)).data.createStaff.staff;
    const oldToken = (await signIn('forgetful', 'long-enough-1')).token!;
    for (let i = 0; i < 5; i++) await signIn('forgetful', 'wrong-password');
    expect((await signIn('forgetful', 'long-enough-1')).userErrors.map((e) => e.code)).toEqual(['ACCOUNT_LOCKED']);

    const weak = await app.gql(RESET_PASSWORD, { input: { id: created.id, newPassword: '1234567' } }, manager);
    expect(codes(weak.data.resetStaffPassword)).toEqual(['PASSWORD_TOO_SHORT@input.newPassword']);
    expect((await app.gql(ME, {}, { token: oldToken })).data.me.id).toBe(created.id);

    const set = await app.gql(RESET_PASSWORD, { input: { id: created.id, newPassword: 'temporary-99' } }, manager);
    expect(set.data.resetStaffPassword).toMatchObject({ staff: { id: created.id }, generatedPassword: null, userErrors: [] });
    expect((await app.gql(ME, {}, { token: oldToken })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await signIn('forgetful', 'long-enough-1')).userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS']);
    expect((await signIn('forgetful', 'temporary-99')).token).toMatch(/^wbs_/);

    const generated = await app.gql(RESET_PASSWORD, { input: { id: created.id } }, manager);
    const password = generated.data.resetStaffPassword.generatedPassword as string;
    expect(password).toMatch(/^[A-Za-z0-9]{14}$/);
    expect((await signIn('forgetful', 'temporary-99')).userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS']);
    expect((await signIn('forgetful', password)).token).toMatch(/^wbs_/);
    expect(await db().count(AuditLog, { action: 'staff.reset-password' })).toBe(2);
  });

  it('only managers and admins; a manager of another store cannot touch this store\'s staff', async () => {
    const before = await db().findOneOrFail(Staff, app.staffIds.tech2);
    for (const username of ['foreman', 'advisor', 'tech1', 'leader', 'cs']) {
      const token = await as(username);
      expect((await app.gql(CREATE_STAFF, { input: { username: `x${username}`, name: 'x', roles: ['TECHNICIAN'] } }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await app.gql(UPDATE_STAFF, { input: { id: staffId('tech2'), expectedVersion: 1, roles: ['FOREMAN'] } }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await app.gql(DEACTIVATE_STAFF, { input: { id: staffId('tech2') } }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await app.gql(RESET_PASSWORD, { input: { id: staffId('tech2') } }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const other = await as('other_manager');
    expect(codes((await app.gql(UPDATE_STAFF, { input: { id: staffId('tech2'), expectedVersion: 1, roles: ['FOREMAN'] } }, other)).data.updateStaff)).toEqual(['NOT_FOUND@input.id']);
    expect(codes((await app.gql(DEACTIVATE_STAFF, { input: { id: staffId('tech2') } }, other)).data.deactivateStaff)).toEqual(['NOT_FOUND@input.id']);
    expect(codes((await app.gql(RESET_PASSWORD, { input: { id: staffId('tech2') } }, other)).data.resetStaffPassword)).toEqual(['NOT_FOUND@input.id']);
    const created = await app.gql(CREATE_STAFF, { input: { username: 'other_new', name: '别店新人', roles: ['TECHNICIAN'], password: 'long-enough-1' } }, other);
    expect((await db().findOneOrFail(Staff, { username: 'other_new' })).store.id).toBe(app.otherStoreId);
    expect(created.data.createStaff.userErrors).toEqual([]);
    const after = await db().findOneOrFail(Staff, app.staffIds.tech2);
    expect({ roles: after.roles, active: after.active, version: after.version, passwordHash: after.passwordHash }).toEqual({ roles: before.roles, active: true, version: 1, passwordHash: before.passwordHash });
  });
});

describe('store profile: name, phone, address and time zone', () => {
  const PROFILE = `mutation($input: UpdateStoreProfileInput!) { updateStoreProfile(input: $input) { store { name phone address timezone settingsVersion } ${E} } }`;
  const version = async () => (await db().findOneOrFail(Store, app.storeId)).settingsVersion;

  it('a manager edits the profile; a time zone must be a real IANA zone; stale versions and other roles are refused', async () => {
    const manager = await as('manager');
    const v = await version();
    const res = await app.gql(PROFILE, { input: { name: '测试大众4S店（新址）', phone: '010-8888 6666', address: '北京市朝阳区汽车城路 1 号', timezone: 'Asia/Urumqi', expectedSettingsVersion: v } }, manager);
    expect(res.data.updateStoreProfile).toEqual({
      store: { name: '测试大众4S店（新址）', phone: '010-8888 6666', address: '北京市朝阳区汽车城路 1 号', timezone: 'Asia/Urumqi', settingsVersion: v + 1 },
      userErrors: [],
    });
    const bad = await app.gql(PROFILE, { input: { name: ' ', phone: 'abc', timezone: 'Mars/Olympus_Mons', expectedSettingsVersion: v + 1 } }, manager);
    expect(codes(bad.data.updateStoreProfile)).toEqual(['INVALID_PHONE@input.phone', 'INVALID_TIMEZONE@input.timezone', 'REQUIRED@input.name']);
    const stale = await app.gql(PROFILE, { input: { timezone: 'Asia/Shanghai', expectedSettingsVersion: v } }, manager);
    expect(codes(stale.data.updateStoreProfile)).toEqual(['STALE_VERSION@input.expectedSettingsVersion']);
    const foreman = await app.gql(PROFILE, { input: { timezone: 'Asia/Shanghai', expectedSettingsVersion: v + 1 } }, await as('foreman'));
    expect(foreman.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const clear = await app.gql(PROFILE, { input: { address: '', expectedSettingsVersion: v + 1 } }, await as('admin'));
    expect(clear.data.updateStoreProfile.store).toMatchObject({ address: null, phone: '010-8888 6666', timezone: 'Asia/Urumqi', settingsVersion: v + 2 });
    expect(await db().findOneOrFail(Store, app.otherStoreId)).toMatchObject({ name: '另一家门店', timezone: 'Asia/Shanghai' });
    expect(await db().count(AuditLog, { action: 'store.profile' })).toBe(2);
  });
});

