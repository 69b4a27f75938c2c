import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import { DealerGroup } from '../src/modules/dealer-group/dealer-group.entity.js';
import { hashPassword } from '../src/modules/auth/password.js';
import { Role } from '../src/modules/staff/roles.js';
import { Staff } from '../src/modules/staff/staff.entity.js';
import { Store } from '../src/modules/store/store.entity.js';
import { Q, uniqueMobile, uniquePlate, workOrderIn } from './helpers/flows.js';
import { PASSWORD, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * R-ARC-3: a vehicle's service history is readable from every store of its dealer group, matched by
 * VIN; customers and vehicles stay per store, so no owner data crosses (R-ARC-5).
 */
let app: TestApp;
let siblingStoreId: number;
beforeAll(async () => {
  app = await startTestApp();
  // A second store of the fixture store's group (stores are grouped by set-up, not through this API).
  const em = app.orm.em.fork();
  const home = await em.findOneOrFail(Store, app.storeId);
  const sibling = em.create(Store, { name: '同集团二店', code: 'TEST-3', phone: '010-5555 0000', dealerGroup: home.dealerGroup });
  const passwordHash = await hashPassword(PASSWORD);
  em.create(Staff, { store: sibling, username: 'sib_advisor', name: '二店顾问', roles: [Role.SERVICE_ADVISOR], passwordHash });
  em.create(Staff, { store: sibling, username: 'sib_tech', name: '二店技师', roles: [Role.TECHNICIAN], passwordHash });
  await em.flush();
  siblingStoreId = sibling.id;
});
afterAll(() => app?.stop());

const HISTORY = `query($vin: String!, $first: Int, $after: String) { serviceHistory(vin: $vin, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { number openedAt deliveredAt mileageKm status storeName ownStore jobs { title skill } } } } }`;
const ORDER = `query($id: ID!) { workOrder(id: $id) { id number vehicle { id vin owner { id name mobile } } } }`;

async function homeVisit() {
  const wo = await workOrderIn(app, 'DELIVERED');
  const full = (await app.gql(ORDER, { id: wo.id }, { token: await app.login('manager') })).data.workOrder;
  return { ...wo, vin: full.vehicle.vin as string, vehicleId: full.vehicle.id as string, owner: full.vehicle.owner as { id: string; name: string; mobile: string } };
}

async function siblingVisit(vin: string, as = 'sib_advisor') {
  const token = await app.login(as);
  const c = await app.gql(Q.createCustomer, { input: { name: '二店客户', mobile: uniqueMobile() } }, { token });
  const v = await app.gql(Q.createVehicle, { input: { vin, plate: uniquePlate(), model: '朗逸', ownerId: c.data.createCustomer.customer.id, mileageKm: 20000 } }, { token });
  expect(v.data.createVehicle.userErrors).toEqual([]);
  const wo = await app.gql(Q.createWorkOrder, { input: { vehicleId: v.data.createVehicle.vehicle.id, complaint: '空调不凉', mileageIn: 21000, jobs: [{ title: '空调检修', skill: 'ELECTRICAL', standardHours: 1 }] } }, { token });
  expect(wo.data.createWorkOrder.userErrors).toEqual([]);
  return { vehicleId: v.data.createVehicle.vehicle.id as string, workOrder: wo.data.createWorkOrder.workOrder as { id: string; number: string } };
}

describe('dealer groups and the shared service history (R-ARC-3)', () => {
  it("a sibling store reads the vehicle's history from the whole group, newest first, without the owner's data", async () => {
    const home = await homeVisit();
    const sibling = await siblingVisit(home.vin);
    const token = await app.login('sib_advisor');

    const res = await app.gql(HISTORY, { vin: home.vin.toLowerCase() }, { token });
    expect(res.errors).toBeUndefined();
    const history = res.data.serviceHistory;
    expect(history.totalCount).toBe(2);
    expect(history.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { number: sibling.workOrder.number, openedAt: expect.any(String), deliveredAt: null, mileageKm: 21000, status: 'DRAFT', storeName: '同集团二店', ownStore: true, jobs: [{ title: '空调检修', skill: 'ELECTRICAL' }] },
      { number: home.number, openedAt: expect.any(String), deliveredAt: expect.any(String), mileageKm: null, status: 'DELIVERED', storeName: '测试大众4S店', ownStore: false, jobs: [{ title: '更换氧传感器', skill: 'ENGINE' }] },
    ]);
    // Nothing of the home store's customer, nor the complaint, travels with it.
    const text = JSON.stringify(res);
    for (const secret of [home.owner.name, home.owner.mobile, '发动机故障灯亮']) expect(text).not.toContain(secret);

    // The same history hangs off the sibling's own vehicle record; the home store sees the sibling's visit too.
    const viaVehicle = await app.gql(`query($id: ID!) { node(id: $id) { ... on Vehicle { serviceHistory { totalCount edges { node { number ownStore } } } } } }`, { id: sibling.vehicleId }, { token });
    expect(viaVehicle.data.node.serviceHistory.edges.map((e: { node: { number: string } }) => e.node.number)).toEqual([sibling.workOrder.number, home.number]);
    const fromHome = (await app.gql(HISTORY, { vin: home.vin }, { token: await app.login('advisor') })).data.serviceHistory;
    expect(fromHome.edges.map((e: { node: { storeName: string; ownStore: boolean } }) => [e.node.storeName, e.node.ownStore])).toEqual([['同集团二店', false], ['测试大众4S店', true]]);
  });

  it("a sibling store still cannot open the other store's work order, customer or vehicle", async () => {
    const home = await homeVisit();
    const token = await app.login('sib_advisor');
    expect((await app.gql(ORDER, { id: home.id }, { token })).data.workOrder).toBeNull();
    for (const id of [home.id, home.owner.id, home.vehicleId]) {
      expect((await app.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { token })).data.node).toBeNull();
    }
    // The history type itself has no path to a customer.
    const fields = (await app.gql(`{ __type(name: "ServiceHistoryEntry") { fields { name } } }`, {}, { token })).data.__type.fields.map((f: { name: string }) => f.name);
    expect(fields.sort()).toEqual(['deliveredAt', 'id', 'jobs', 'mileageKm', 'number', 'openedAt', 'ownStore', 'status', 'storeName']);
  });

  it('a history entry is a Relay node for readers of the same group only', async () => {
    const home = await homeVisit();
    const token = await app.login('sib_advisor');
    const entry = (await app.gql(`query($vin: String!) { serviceHistory(vin: $vin, last: 1) { edges { node { id number ownStore } } } }`, { vin: home.vin }, { token })).data.serviceHistory.edges[0].node;
    const NODE = `query($id: ID!) { node(id: $id) { id ... on ServiceHistoryEntry { number storeName } } }`;
    expect((await app.gql(NODE, { id: entry.id }, { token })).data.node).toMatchObject({ id: entry.id, number: entry.number });
    expect((await app.gql(NODE, { id: entry.id }, { token: await app.login('other_manager') })).data.node).toBeNull();
  });

  it('a store of another group sees only its own visits; pages and bad VINs behave', async () => {
    const home = await homeVisit();
    await siblingVisit(home.vin);
    // The same car also visited a store of another group: each group sees its own visits only.
    const elsewhere = await siblingVisit(home.vin, 'other_manager');
    const other = (await app.gql(HISTORY, { vin: home.vin }, { token: await app.login('other_manager') })).data.serviceHistory;
    expect(other.totalCount).toBe(1);
    expect(other.edges.map((e: { node: { number: string; storeName: string; ownStore: boolean } }) => e.node)).toMatchObject([{ number: elsewhere.workOrder.number, storeName: '另一家门店', ownStore: true }]);

    const token = await app.login('sib_tech');
    const first = (await app.gql(HISTORY, { vin: home.vin, first: 1 }, { token })).data.serviceHistory;
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges[0].node.ownStore).toBe(true);
    const second = (await app.gql(HISTORY, { vin: home.vin, first: 1, after: first.pageInfo.endCursor }, { token })).data.serviceHistory;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.edges.map((e: { node: { number: string } }) => e.node.number)).toEqual([home.number]);

    const bad = await app.gql(HISTORY, { vin: 'LSVAU2180N0000000' }, { token });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await app.gql(HISTORY, { vin: home.vin })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a wall display cannot read the history', async () => {
    const home = await homeVisit();
    const created = await app.gql(`mutation { createDisplayToken(input: { name: "北墙" }) { token } }`, {}, { token: await app.login('manager') });
    const res = await app.gql(HISTORY, { vin: home.vin }, { token: created.data.createDisplayToken.token });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('each store names its group and the stores in it; another group is invisible', async () => {
    const GROUP = `{ me { store { dealerGroup { id name stores { name phone } } } } }`;
    const group = (await app.gql(GROUP, {}, { token: await app.login('sib_advisor') })).data.me.store.dealerGroup;
    expect(group.name).toBe('测试集团');
    expect(group.stores).toEqual([{ name: '测试大众4S店', phone: '010-1234 5678' }, { name: '同集团二店', phone: '010-5555 0000' }]);
    const homeGroup = (await app.gql(GROUP, {}, { token: await app.login('manager') })).data.me.store.dealerGroup;
    expect(homeGroup.id).toBe(group.id);
    expect((await app.gql(`query($id: ID!) { node(id: $id) { ... on DealerGroup { name } } }`, { id: group.id }, { token: await app.login('manager') })).data.node).toEqual({ name: '测试集团' });
    expect((await app.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: group.id }, { token: await app.login('other_manager') })).data.node).toBeNull();
    const otherGroup = await app.orm.em.fork().findOneOrFail(Store, app.otherStoreId);
    expect(otherGroup.dealerGroup.id).not.toBe((await app.orm.em.fork().findOneOrFail(Store, siblingStoreId)).dealerGroup.id);
    expect(await app.orm.em.fork().count(DealerGroup, {})).toBe(2);
    expect(toGlobalId('DealerGroup', otherGroup.dealerGroup.id)).not.toBe(group.id);
  });
});
