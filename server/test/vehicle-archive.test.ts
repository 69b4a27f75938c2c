import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerAndVehicle } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const UPDATE = `mutation($input: UpdateVehicleInput!) { updateVehicle(input: $input) {
  vehicle { id version engineNumber transmissionNumber purchaseDate soldHere warrantyYears warrantyKm insuranceExpiresOn inspectionDueOn usage }
  userErrors { code field message } } }`;
const ARCHIVE = {
  engineNumber: 'dkx123456',
  transmissionNumber: 'DQ381-000123',
  purchaseDate: '2024-03-15',
  soldHere: true,
  warrantyYears: 3,
  warrantyKm: 100000,
  insuranceExpiresOn: '2026-12-20',
  inspectionDueOn: '2028-03-15',
  usage: 'PRIVATE',
};

async function update(input: Record<string, unknown>, as = 'advisor') {
  return (await app.gql(UPDATE, { input }, { token: await app.login(as) })).data?.updateVehicle;
}

describe('R-ARC-2: updateVehicle keeps the archive fields, with optimistic locking', () => {
  it('sets every archive field, bumps the version and audits before and after', async () => {
    const { vehicleId } = await createCustomerAndVehicle(app);
    const res = await update({ id: vehicleId, expectedVersion: 1, ...ARCHIVE });
    expect(res.userErrors).toEqual([]);
    expect(res.vehicle).toEqual({ id: vehicleId, version: 2, ...ARCHIVE, engineNumber: 'DKX123456' });
    const [row] = await app.orm.em.fork().execute(`select action, data from audit_log where action = 'vehicle.update' order by id desc limit 1`);
    expect(row.data).toMatchObject({ before: { purchaseDate: null, usage: null }, after: { purchaseDate: '2024-03-15', usage: 'PRIVATE' } });

    // Omitted fields stay; null clears one.
    const again = await update({ id: vehicleId, expectedVersion: 2, inspectionDueOn: null, warrantyKm: 60000 });
    expect(again.vehicle).toMatchObject({ version: 3, inspectionDueOn: null, warrantyKm: 60000, purchaseDate: '2024-03-15', engineNumber: 'DKX123456' });
    // A change that changes nothing writes nothing.
    expect((await update({ id: vehicleId, expectedVersion: 3, warrantyKm: 60000 })).vehicle.version).toBe(3);
  });

  it('R-WO-8: a stale version is refused with STALE_VERSION and nothing is written', async () => {
    const { vehicleId } = await createCustomerAndVehicle(app);
    await update({ id: vehicleId, expectedVersion: 1, usage: 'COMMERCIAL' });
    const res = await update({ id: vehicleId, expectedVersion: 1, usage: 'OFFICIAL' });
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] })]);
    const { data } = await app.gql(`query($id: ID!) { node(id: $id) { ... on Vehicle { usage version } } }`, { id: vehicleId }, { token: await app.login('advisor') });
    expect(data.node).toEqual({ usage: 'COMMERCIAL', version: 2 });
  });

  it('refuses bad dates, future purchase dates, bad numbers and out-of-range terms, writing nothing', async () => {
    const { vehicleId } = await createCustomerAndVehicle(app);
    const res = await update({ id: vehicleId, expectedVersion: 1, purchaseDate: '2024-02-30', insuranceExpiresOn: '20261220', engineNumber: '发动机', warrantyYears: 50, warrantyKm: -1 });
    expect(res.userErrors.map((e: { code: string; field: string[] }) => `${e.code}@${e.field.join('.')}`).sort()).toEqual(
      ['INVALID_PART_NUMBER@input.engineNumber', 'INVALID_DATE@input.purchaseDate', 'INVALID_DATE@input.insuranceExpiresOn', 'OUT_OF_RANGE@input.warrantyYears', 'OUT_OF_RANGE@input.warrantyKm'].sort(),
    );
    const future = await update({ id: vehicleId, expectedVersion: 1, purchaseDate: '2999-01-01' });
    expect(future.userErrors.map((e: { code: string }) => e.code)).toEqual(['DATE_IN_FUTURE']);
    const { data } = await app.gql(`query($id: ID!) { node(id: $id) { ... on Vehicle { version purchaseDate engineNumber } } }`, { id: vehicleId }, { token: await app.login('advisor') });
    expect(data.node).toEqual({ version: 1, purchaseDate: null, engineNumber: null });
  });

  it('technicians may not change the archive', async () => {
    const { vehicleId } = await createCustomerAndVehicle(app);
    const res = await app.gql(UPDATE, { input: { id: vehicleId, expectedVersion: 1, usage: 'PRIVATE' } }, { token: await app.login('tech1') });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
