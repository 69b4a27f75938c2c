import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { move, Q, recordDelivery, settle, workOrderIn } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const codes = (p: { userErrors: { code: string; field: string[] }[] }) => p.userErrors.map((e) => `${e.code}@${e.field.join('.')}`);
const VEHICLE_MILEAGE = `query($id: ID!) { workOrder(id: $id) { vehicle { mileageKm } delivery { mileageOut nextServiceDueOn nextServiceDueKm oldPartsTaken } } }`;

describe('R-DEL-1/2/4: the delivery record', () => {
  it('records mileage out, checks, old parts, explanation, advice and the next service on a READY order: an event of the order (for the care reminders), the vehicle’s mileage raised', async () => {
    const wo = await workOrderIn(app, 'READY');
    const res = await recordDelivery(app, wo.id, { expectedVersion: wo.version, mileageOut: 45218, oldPartsOffered: true, oldPartsTaken: false, nextServiceDueOn: '2099-06-01', nextServiceDueKm: 55000 });
    expect(res.userErrors).toEqual([]);
    expect(res.delivery).toMatchObject({ mileageOut: 45218, interiorCleaned: true, itemsReturned: true, oldPartsOffered: true, oldPartsTaken: false, explanation: '已更换氧传感器，路试正常', advice: '一个月内复查', nextServiceDueOn: '2099-06-01', nextServiceDueKm: 55000, recordedBy: { id: expect.any(String) } });
    expect(res.workOrder).toMatchObject({ status: 'READY', version: wo.version + 1, delivery: { mileageOut: 45218 } });
    const order = (await app.gql(Q.workOrder, { id: wo.id }, { token: await app.login('manager') })).data.workOrder;
    expect(order.events.at(-1)).toMatchObject({ kind: 'DELIVERY_RECORDED', to: 'READY', version: wo.version + 1, actor: { name: 'advisor-姓名' } });
    const [event] = await app.orm.em.fork().getConnection().execute(`select data from domain_event where kind = 'DELIVERY_RECORDED' order by seq desc limit 1`);
    expect(event.data).toMatchObject({ mileageOut: 45218, nextServiceDueOn: '2099-06-01', nextServiceDueKm: 55000 });
    const read = (await app.gql(VEHICLE_MILEAGE, { id: wo.id }, { token: await app.login('advisor') })).data.workOrder;
    expect(read.vehicle.mileageKm).toBe(45218);
    expect(read.delivery).toEqual({ mileageOut: 45218, nextServiceDueOn: '2099-06-01', nextServiceDueKm: 55000, oldPartsTaken: false });
    // Once per order.
    expect(codes(await recordDelivery(app, wo.id))).toEqual(['DELIVERY_EXISTS@input.workOrderId']);
  });

  it('refuses, writing nothing: not READY, mileage below the mileage in, checks not done, old parts answer missing, next service not ahead, a stale version; and who may', async () => {
    const queued = await workOrderIn(app, 'QUEUED');
    expect(codes(await recordDelivery(app, queued.id))).toEqual(['WORK_ORDER_NOT_READY@input.workOrderId']);
    const wo = await workOrderIn(app, 'READY');
    expect(codes(await recordDelivery(app, wo.id, { interiorCleaned: false, itemsReturned: false }))).toEqual(['DELIVERY_CHECK_INCOMPLETE@input.interiorCleaned', 'DELIVERY_CHECK_INCOMPLETE@input.itemsReturned']);
    expect(codes(await recordDelivery(app, wo.id, { oldPartsTaken: null }))).toEqual(['OLD_PARTS_TAKEN_REQUIRED@input.oldPartsTaken']);
    expect(codes(await recordDelivery(app, wo.id, { oldPartsOffered: false, oldPartsTaken: true }))).toEqual(['OLD_PARTS_NOT_OFFERED@input.oldPartsTaken']);
    expect(codes(await recordDelivery(app, wo.id, { nextServiceDueOn: '2020-01-01' }))).toEqual(['NEXT_SERVICE_NOT_AHEAD@input.nextServiceDueOn']);
    expect(codes(await recordDelivery(app, wo.id, { nextServiceDueOn: '2099-02-30' }))).toEqual(['INVALID_DATE@input.nextServiceDueOn']);
    expect(codes(await recordDelivery(app, wo.id, { nextServiceDueKm: 12_000 }))).toEqual(['NEXT_SERVICE_NOT_AHEAD@input.nextServiceDueKm']);
    expect(codes(await recordDelivery(app, wo.id, { explanation: '  ' }))).toEqual(['REQUIRED@input.explanation']);
    expect(codes(await recordDelivery(app, wo.id, { expectedVersion: wo.version - 1 }))).toEqual(['STALE_VERSION@input.expectedVersion']);
    const tech = await app.gql(`mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { delivery { mileageOut } } }`, { input: { workOrderId: wo.id, mileageOut: 1, interiorCleaned: true, itemsReturned: true, oldPartsOffered: false, explanation: 'x', nextServiceDueOn: '2099-01-01', nextServiceDueKm: 2 } }, { token: await app.login('tech1') });
    expect(tech.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(VEHICLE_MILEAGE, { id: wo.id }, { token: await app.login('advisor') })).data.workOrder.delivery).toBeNull();

    const en = await app.gql(
      `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { userErrors { code message } } }`,
      { input: { workOrderId: wo.id, mileageOut: 1, interiorCleaned: false, itemsReturned: true, oldPartsOffered: false, explanation: 'x', nextServiceDueOn: '2099-01-01', nextServiceDueKm: 2 } },
      { token: await app.login('advisor'), locale: 'en' },
    );
    expect(en.data.recordDelivery.userErrors[0]).toEqual({ code: 'DELIVERY_CHECK_INCOMPLETE', message: 'This must be done before the car is handed back' });
  });

  it('the mileage out is never below the mileage in (MILEAGE_OUT_BELOW_IN)', async () => {
    const wo = await workOrderIn(app, 'READY');
    await app.orm.em.fork().getConnection().execute(`update work_order set mileage_in = 30000 where id = ?`, [Number(Buffer.from(wo.id, 'base64url').toString().split(':')[1])]);
    expect(codes(await recordDelivery(app, wo.id, { mileageOut: 29_999, nextServiceDueKm: 40_000 }))).toEqual(['MILEAGE_OUT_BELOW_IN@input.mileageOut']);
    expect((await recordDelivery(app, wo.id, { mileageOut: 30_000, nextServiceDueKm: 40_000 })).userErrors).toEqual([]);
  });

  it('READY → DELIVERED needs the delivery record (DELIVERY_RECORD_REQUIRED), for every actor', async () => {
    const wo = await workOrderIn(app, 'READY');
    expect((await settle(app, wo.id)).userErrors).toEqual([]);
    for (const who of ['advisor', 'manager', 'admin']) expect((await move(app, who, wo.id, 'DELIVERED')).userErrors.map((e: { code: string }) => e.code)).toEqual(['DELIVERY_RECORD_REQUIRED']);
    expect((await recordDelivery(app, wo.id)).userErrors).toEqual([]);
    expect((await move(app, 'advisor', wo.id, 'DELIVERED')).workOrder.status).toBe('DELIVERED');
  });
});
