import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../src/modules/audit/audit-log.entity.js';
import { createCustomerAndVehicle, Q, uniquePlate, uniqueVin } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const TRANSFER = `mutation($input: TransferPlateInput!) { transferPlate(input: $input) { vehicle { id plate } previousHolder { id plate } userErrors { code field } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

/** Issue 9 §6: a plate is on one active vehicle of a store; moving it is an explicit, audited operation. */
describe('R-ARC-2 plates: transferPlate (issue 9 §6)', () => {
  it('moves a plate to another vehicle: the former holder leaves the active vehicles; the move is audited with its reason', async () => {
    const token = await app.login('advisor');
    const old = await createCustomerAndVehicle(app);
    const plate = old.vehicle.plate as string;
    const fresh = await createCustomerAndVehicle(app);
    // Registering a second car with the same plate is refused…
    const again = await app.gql(Q.createVehicle, { input: { vin: uniqueVin(), plate, model: '帕萨特', ownerId: old.customerId } }, { token });
    expect(again.data.createVehicle.userErrors.map((e: { code: string }) => e.code)).toEqual(['DUPLICATE_PLATE']);
    // …the transfer is the way.
    const moved = await app.gql(TRANSFER, { input: { toVehicleId: fresh.vehicleId, plate, reason: '客户换车保留原车牌' } }, { token });
    expect(moved.data.transferPlate).toMatchObject({ vehicle: { id: fresh.vehicleId, plate }, previousHolder: { id: old.vehicleId, plate }, userErrors: [] });
    const entry = await app.orm.em.fork().findOneOrFail(AuditLog, { action: 'vehicle.plate-transfer' }, { orderBy: { id: 'desc' } });
    expect(entry.data).toMatchObject({ plate, reason: '客户换车保留原车牌' });
  });

  it('refuses what makes no sense, and writes nothing', async () => {
    const token = await app.login('advisor');
    const car = await createCustomerAndVehicle(app);
    const same = await app.gql(TRANSFER, { input: { toVehicleId: car.vehicleId, plate: car.vehicle.plate, reason: 'x' } }, { token });
    expect(same.data.transferPlate.userErrors.map((e: { code: string }) => e.code)).toEqual(['PLATE_ALREADY_ON_VEHICLE']);
    const bad = await app.gql(TRANSFER, { input: { toVehicleId: car.vehicleId, plate: 'XYZ', reason: '' } }, { token });
    expect(bad.data.transferPlate.userErrors.map((e: { code: string }) => e.code).sort()).toEqual(['INVALID_PLATE', 'REQUIRED']);
    const before = await app.orm.em.fork().count(AuditLog, { action: 'vehicle.plate-transfer' });
    const tech = await app.gql(TRANSFER, { input: { toVehicleId: car.vehicleId, plate: uniquePlate(), reason: 'x' } }, { token: await app.login('tech1') });
    expect(tech.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await app.orm.em.fork().count(AuditLog, { action: 'vehicle.plate-transfer' })).toBe(before);
  });

  it('a plate nobody carries is simply put on the vehicle', async () => {
    const token = await app.login('advisor');
    const car = await createCustomerAndVehicle(app);
    const plate = uniquePlate();
    const res = await app.gql(TRANSFER, { input: { toVehicleId: car.vehicleId, plate, reason: '上新牌' } }, { token });
    expect(res.data.transferPlate).toMatchObject({ vehicle: { plate }, previousHolder: null, userErrors: [] });
  });
});
