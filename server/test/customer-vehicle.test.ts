import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import { AuditLog } from '../src/modules/audit/audit-log.entity.js';
import { Q, uniqueMobile, uniquePlate, uniqueVin } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp();
  token = await app.login('advisor');
});
afterAll(() => app?.stop());

const counts = async () => {
  const res = await app.gql(`{ customers(first: 1) { totalCount } }`, {}, { token });
  const vehicles = await app.orm.em.fork().getConnection().execute('select count(*)::int as n from vehicle');
  return { customers: res.data.customers.totalCount, vehicles: vehicles[0].n };
};

describe('customers (R-ARC-1, R-ARC-5)', () => {
  it('creates a customer, audits who did it, and masks the mobile for roles that do not need it', async () => {
    const mobile = uniqueMobile();
    const res = await app.gql(Q.createCustomer, { input: { name: ' 张伟 ', mobile: `+86 ${mobile}`, customerType: 'PRIVATE' } }, { token });
    const customer = res.data.createCustomer.customer;
    expect(customer).toMatchObject({ name: '张伟', mobile });
    const audit = await app.orm.em.fork().find(AuditLog, { action: 'customer.create' });
    expect(audit.at(-1)).toMatchObject({ entity: 'Customer', actor: { id: app.staffIds.advisor } });

    const asTech = await app.gql(`query($id: ID!) { node(id: $id) { ... on Customer { name mobile } } }`, { id: customer.id }, { token: await app.login('tech1') });
    expect(asTech.data.node.mobile).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
    const asCs = await app.gql(`query($id: ID!) { node(id: $id) { ... on Customer { mobile } } }`, { id: customer.id }, { token: await app.login('cs') });
    expect(asCs.data.node.mobile).toBe(mobile);
  });

  it('refuses bad and duplicate input with the field path, writing nothing', async () => {
    const before = await counts();
    const bad = await app.gql(Q.createCustomer, { input: { name: 'x'.repeat(101), mobile: '12345' } }, { token });
    expect(bad.data.createCustomer.customer).toBeNull();
    expect(bad.data.createCustomer.userErrors.map((e: { code: string; field: string[] }) => `${e.code}@${e.field.join('.')}`).sort()).toEqual(['INVALID_MOBILE@input.mobile', 'TOO_LONG@input.name']);

    const mobile = uniqueMobile();
    await app.gql(Q.createCustomer, { input: { name: '李娜', mobile } }, { token });
    const dup = await app.gql(Q.createCustomer, { input: { name: '李娜', mobile } }, { token });
    expect(dup.data.createCustomer.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE_MOBILE', field: ['input', 'mobile'] })]);
    expect((await counts()).customers).toBe(before.customers + 1);
  });

  it('concurrent duplicates: one wins, the others get DUPLICATE_MOBILE (no 500)', async () => {
    const mobile = uniqueMobile();
    const results = await Promise.all(Array.from({ length: 5 }, () => app.gql(Q.createCustomer, { input: { name: '王芳', mobile } }, { token })));
    expect(results.filter((r) => r.data.createCustomer.customer)).toHaveLength(1);
    for (const r of results.filter((x) => !x.data.createCustomer.customer)) expect(r.data.createCustomer.userErrors[0].code).toBe('DUPLICATE_MOBILE');
  });

  it('lists customers as a connection filtered by type', async () => {
    await app.gql(Q.createCustomer, { input: { name: '北京京运出租汽车有限公司', mobile: uniqueMobile(), customerType: 'COMMERCIAL' } }, { token });
    const res = await app.gql(`{ customers(first: 10, filter: { customerType: [COMMERCIAL] }) { totalCount edges { node { name customerType } } } }`, {}, { token });
    expect(res.data.customers.totalCount).toBe(1);
    expect(res.data.customers.edges[0].node.customerType).toBe('COMMERCIAL');
  });
});

describe('vehicles (R-ARC-2)', () => {
  let ownerId: string;
  beforeAll(async () => {
    ownerId = (await app.gql(Q.createCustomer, { input: { name: '赵强', mobile: uniqueMobile() } }, { token })).data.createCustomer.customer.id;
  });

  it('creates vehicles with ordinary and 8-character new-energy plates, normalising input', async () => {
    const vin = uniqueVin();
    const res = await app.gql(Q.createVehicle, { input: { vin: vin.toLowerCase(), plate: '京a·12345', model: '朗逸 Lavida 1.5L', color: '白', ownerId, mileageKm: 12000 } }, { token });
    expect(res.data.createVehicle).toMatchObject({ userErrors: [], vehicle: { vin, plate: '京A12345', owner: { id: ownerId } } });
    const nev = await app.gql(Q.createVehicle, { input: { vin: uniqueVin(), plate: '京AD12345', model: 'ID.4 CROZZ', ownerId } }, { token });
    expect(nev.data.createVehicle.vehicle.plate).toBe('京AD12345');
  });

  it('refuses a wrong check digit, I/O/Q, bad plates, negative mileage, unknown owner — all at once, nothing written', async () => {
    const before = await counts();
    const vin = uniqueVin();
    const wrongCheck = vin.slice(0, 8) + (vin[8] === '1' ? '2' : '1') + vin.slice(9);
    const cases = [
      { vin: wrongCheck, plate: uniquePlate(), expect: ['INVALID_VIN@input.vin'] },
      { vin: vin.replace(/.$/, 'O'), plate: uniquePlate(), expect: ['INVALID_VIN@input.vin'] },
      { vin: vin.slice(0, 16), plate: '京I12345', expect: ['INVALID_VIN@input.vin', 'INVALID_PLATE@input.plate'] },
      { vin, plate: 'AB12345', mileageKm: -1, expect: ['INVALID_PLATE@input.plate', 'OUT_OF_RANGE@input.mileageKm'] },
      { vin, plate: uniquePlate(), ownerId: toGlobalId('Customer', 999999), expect: ['NOT_FOUND@input.ownerId'] },
      { vin, plate: uniquePlate(), model: 'm'.repeat(81), expect: ['TOO_LONG@input.model'] },
    ];
    for (const c of cases) {
      const res = await app.gql(Q.createVehicle, { input: { vin: c.vin, plate: c.plate, model: (c as { model?: string }).model ?? '帕萨特', ownerId: c.ownerId ?? ownerId, mileageKm: c.mileageKm } }, { token });
      expect(res.data.createVehicle.vehicle).toBeNull();
      expect(res.data.createVehicle.userErrors.map((e: { code: string; field: string[] }) => `${e.code}@${e.field.join('.')}`).sort()).toEqual(c.expect.sort());
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a duplicate VIN', async () => {
    const vin = uniqueVin();
    await app.gql(Q.createVehicle, { input: { vin, plate: uniquePlate(), model: '宝来', ownerId } }, { token });
    const dup = await app.gql(Q.createVehicle, { input: { vin, plate: uniquePlate(), model: '宝来', ownerId } }, { token });
    expect(dup.data.createVehicle.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE_VIN', field: ['input', 'vin'] })]);
  });

  it('cannot attach a vehicle to another store’s customer', async () => {
    const other = await app.login('other_manager');
    const res = await app.gql(Q.createVehicle, { input: { vin: uniqueVin(), plate: uniquePlate(), model: '宝来', ownerId } }, { token: other });
    expect(res.data.createVehicle.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'ownerId'] })]);
  });
});
