import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, toGlobalId } from '../src/graphql/global-id.js';
import { WorkOrderStatus } from '../src/modules/work-order/work-order.enums.js';
import { systemActor } from '../src/shared/actor.js';
import { ManualClock } from '../src/shared/clock.js';
import { A, book, local } from './helpers/appointments.js';
import { createCustomerAndVehicle, createWorkOrder, ESTIMATE_Q, move, Q, RECORD_WALK_AROUND, recordWalkAround, versionOf } from './helpers/flows.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { CREATE_UPLOAD, PNG, uploadImage } from './helpers/uploads.js';

// Tuesday 1 December 2026, 08:59:30 in the store's zone (ahead of the real clock: no scheduled job comes due by itself).
const RECEPTION_DAY = new Date('2026-12-01T08:59:30+08:00');
const clock = new ManualClock(RECEPTION_DAY);
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock });
});
afterAll(() => app?.stop());

const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => app.orm.em.fork().getConnection().execute(query, params);
const count = async (table: string) => (await sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;
const counts = async () => ({ workOrders: await count('work_order'), receptions: await count('reception'), walkArounds: await count('walk_around'), events: await count('domain_event'), jobs: await count('job') });
/** An instant `seconds` from the test clock's now. */
const at = (seconds: number) => new Date(clock.now().getTime() + seconds * 1000).toISOString();

const RECEIVE = `mutation($input: ReceiveVehicleInput!) { receiveVehicle(input: $input) {
  workOrder { id number status version source complaint advisorNotes mileageIn customerWaiting promisedAt
    reception { arrivedAt greetedAt identityDocument identityNote greetingDelaySeconds greetingLate greetWithinSeconds receivedBy { id } }
    appointment { id status version } advisor { id } jobs { id title skill } carriedOver { id description } walkAround { id } vehicle { id mileageKm } }
  userErrors { code field message } } }`;
const SETTINGS = `mutation($input: UpdateReceptionSettingsInput!) { updateReceptionSettings(input: $input) { settings { greetWithinSeconds version } userErrors { code field } } }`;

/** Books a slot on the day before the reception day (same-day bookings are refused by default), for a new customer and vehicle. */
async function booked(slot: string) {
  const saved = clock.now();
  clock.set(new Date('2026-11-30T10:00:00+08:00'));
  try {
    const res = await book(app, local(slot));
    if (!res.appointment) throw new Error(JSON.stringify(res.userErrors));
    return res;
  } finally {
    clock.set(saved);
  }
}

async function receive(input: Record<string, unknown>, as = 'advisor', locale?: string) {
  const res = await app.gql(RECEIVE, { input: { arrivedAt: at(-60), greetedAt: at(-30), identityDocument: 'DRIVING_LICENSE', complaint: '仪表盘发动机故障灯亮', mileageIn: 12000, ...input } }, { token: await app.login(as), locale });
  return res.data?.receiveVehicle ?? res;
}

const codes = (res: { userErrors: { code: string; field: string[] }[] }) => res.userErrors.map((e) => `${e.field?.join('.')}:${e.code}`).sort();

describe('R-REC-1/2/4 receiveVehicle: a booked customer arrives', () => {
  it('R-REC-1/2/4, R-APT-8: opens the work order from the appointment — its jobs, advisor and carried-over items come along, it becomes ARRIVED in the same transaction, the wall shows APPOINTMENT', async () => {
    const { appointment, input } = await booked('2026-12-01T09:00');
    const carried = await app.gql(A.carryOver, { input: { vehicleId: input.vehicleId, description: '前刹车片剩 3 mm', risk: '建议一个月内更换' } }, { token: await app.login('advisor') });
    expect(carried.data.recordCarriedOverItem.userErrors).toEqual([]);
    const before = await sql<{ seq: number }>(`select coalesce(max(seq), 0)::int as seq from domain_event where store_id = ?`, [app.storeId]);

    const res = await receive(
      {
        appointmentId: appointment.id,
        vehicleId: input.vehicleId,
        arrivedAt: local('2026-12-01T08:58'),
        greetedAt: new Date('2026-12-01T08:58:40+08:00').toISOString(),
        identityDocument: 'VEHICLE_LICENSE',
        complaint: '冷车启动有异响，\n早上最明显',
        advisorNotes: '疑似正时链条张紧器',
        mileageIn: 12500,
        customerWaiting: true,
        promisedAt: local('2026-12-01T12:00'),
      },
      'manager',
    );
    expect(res.userErrors).toEqual([]);
    const wo = res.workOrder;
    expect(wo).toMatchObject({
      status: 'DRAFT',
      version: 1,
      source: 'APPOINTMENT',
      complaint: '冷车启动有异响，\n早上最明显',
      advisorNotes: '疑似正时链条张紧器',
      mileageIn: 12500,
      customerWaiting: true,
      promisedAt: local('2026-12-01T12:00'),
      reception: {
        arrivedAt: local('2026-12-01T08:58'),
        greetedAt: new Date('2026-12-01T08:58:40+08:00').toISOString(),
        identityDocument: 'VEHICLE_LICENSE',
        identityNote: null,
        greetingDelaySeconds: 40,
        greetingLate: false,
        greetWithinSeconds: 60,
        receivedBy: { id: toGlobalId('Staff', app.staffIds.manager) },
      },
      appointment: { id: appointment.id, status: 'ARRIVED', version: 2 },
      // R-APT-2: the advisor held by the booking, not the manager who typed it in.
      advisor: { id: toGlobalId('Staff', app.staffIds.advisor) },
      jobs: [{ title: '首次保养', skill: 'MAINTENANCE' }],
      carriedOver: [{ id: carried.data.recordCarriedOverItem.item.id, description: '前刹车片剩 3 mm' }],
      walkAround: null,
      vehicle: { id: input.vehicleId, mileageKm: 12500 },
    });

    // One transaction: the order's CREATED and RECEIVED and the appointment's ARRIVED, consecutive in the store's log.
    const events = await sql<{ seq: number; aggregate_type: string; aggregate_id: number; kind: string; data: Record<string, unknown> }>(
      `select seq, aggregate_type, aggregate_id, kind, data from domain_event where store_id = ? and seq > ? order by seq`,
      [app.storeId, before[0].seq],
    );
    const woId = dbId(wo.id, 'WorkOrder');
    expect(events.map((e) => [e.aggregate_type, e.kind])).toEqual([
      ['WorkOrder', 'CREATED'],
      ['WorkOrder', 'RECEIVED'],
      ['Appointment', 'ARRIVED'],
    ]);
    expect(events[1].data).toMatchObject({ to: 'DRAFT', version: 1, greetingDelaySeconds: 40, greetingLate: false, identityDocument: 'VEHICLE_LICENSE', appointmentId: dbId(appointment.id, 'Appointment') });
    expect(events[2]).toMatchObject({ aggregate_id: dbId(appointment.id, 'Appointment'), data: { from: 'BOOKED', to: 'ARRIVED', workOrderId: woId, version: 2 } });

    // The timelines through the API.
    const timeline = await app.gql(`query($id: ID!) { workOrder(id: $id) { events { kind to version } } }`, { id: wo.id }, { token: await app.login('advisor') });
    expect(timeline.data.workOrder.events).toEqual([
      { kind: 'CREATED', to: 'DRAFT', version: 1 },
      { kind: 'RECEIVED', to: 'DRAFT', version: 1 },
    ]);
    const apt = await app.gql(`query($id: ID!) { appointment(id: $id) { status events { kind from to version } } }`, { id: appointment.id }, { token: await app.login('advisor') });
    expect(apt.data.appointment.events.at(-1)).toEqual({ kind: 'ARRIVED', from: 'BOOKED', to: 'ARRIVED', version: 2 });

    // The wall flags the booked arrival and the waiting customer.
    const board = await app.gql(`{ board { cards { workOrder { id } flags } } }`, {}, { token: await app.login('foreman') });
    const card = board.data.board.cards.find((c: { workOrder: { id: string } }) => c.workOrder.id === wo.id);
    expect(card.flags).toEqual(expect.arrayContaining(['APPOINTMENT', 'CUSTOMER_WAITING']));
  });

  it('R-REC-1: a CONFIRMED appointment is received too, with extra jobs after the booked ones', async () => {
    const { appointment, input } = await booked('2026-12-01T11:00');
    const confirmed = await app.gql(A.transition, { input: { id: appointment.id, to: 'CONFIRMED', expectedVersion: 1 } }, { token: await app.login('advisor') });
    expect(confirmed.data.transitionAppointment.appointment.status).toBe('CONFIRMED');
    const res = await receive({ appointmentId: appointment.id, vehicleId: input.vehicleId, jobs: [{ title: '更换雨刮片', skill: 'MAINTENANCE', standardHours: 0.2 }] });
    expect(res.userErrors).toEqual([]);
    expect(res.workOrder.jobs.map((j: { title: string }) => j.title)).toEqual(['首次保养', '更换雨刮片']);
    expect(res.workOrder.appointment).toMatchObject({ status: 'ARRIVED', version: 3 });
  });
});

describe('R-REC-1/2/4 receiveVehicle: a walk-in', () => {
  it('R-REC-1: opens a WALK_IN order without an appointment; a greeting later than the store’s target is shown as late', async () => {
    const { vehicleId } = await createCustomerAndVehicle(app);
    const res = await receive({ vehicleId, arrivedAt: at(-120), greetedAt: at(-30), identityDocument: 'OTHER', identityNote: '护照', advisorNotes: null });
    expect(res.userErrors).toEqual([]);
    expect(res.workOrder).toMatchObject({
      source: 'WALK_IN',
      appointment: null,
      advisorNotes: null,
      advisor: { id: toGlobalId('Staff', app.staffIds.advisor) },
      reception: { identityDocument: 'OTHER', identityNote: '护照', greetingDelaySeconds: 90, greetingLate: true, greetWithinSeconds: 60, receivedBy: { id: toGlobalId('Staff', app.staffIds.advisor) } },
      jobs: [],
      carriedOver: [],
    });
    const board = await app.gql(`{ board { cards { workOrder { id } flags } } }`, {}, { token: await app.login('foreman') });
    expect(board.data.board.cards.find((c: { workOrder: { id: string } }) => c.workOrder.id === res.workOrder.id).flags).not.toContain('APPOINTMENT');
  });

  it('R-REC-1: the greeting target is a store setting (managers); receptions keep the target they were measured against', async () => {
    const { vehicleId } = await createCustomerAndVehicle(app);
    const late = await receive({ vehicleId, arrivedAt: at(-120), greetedAt: at(-30) });
    expect(late.workOrder.reception.greetingLate).toBe(true);

    const denied = await app.gql(SETTINGS, { input: { greetWithinSeconds: 120, expectedVersion: 1 } }, { token: await app.login('advisor') });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await app.gql(SETTINGS, { input: { greetWithinSeconds: 5, expectedVersion: 1 } }, { token: await app.login('manager') });
    expect(bad.data.updateReceptionSettings.userErrors).toEqual([{ code: 'OUT_OF_RANGE', field: ['input', 'greetWithinSeconds'] }]);
    const set = await app.gql(SETTINGS, { input: { greetWithinSeconds: 120, expectedVersion: 1 } }, { token: await app.login('manager') });
    expect(set.data.updateReceptionSettings).toEqual({ settings: { greetWithinSeconds: 120, version: 2 }, userErrors: [] });
    const stale = await app.gql(SETTINGS, { input: { greetWithinSeconds: 60, expectedVersion: 1 } }, { token: await app.login('manager') });
    expect(stale.data.updateReceptionSettings.userErrors).toEqual([{ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] }]);
    const read = await app.gql(`{ receptionSettings { greetWithinSeconds version } }`, {}, { token: await app.login('advisor') });
    expect(read.data.receptionSettings).toEqual({ greetWithinSeconds: 120, version: 2 });

    const { vehicleId: other } = await createCustomerAndVehicle(app);
    const onTime = await receive({ vehicleId: other, arrivedAt: at(-120), greetedAt: at(-30) });
    expect(onTime.workOrder.reception).toMatchObject({ greetingDelaySeconds: 90, greetingLate: false, greetWithinSeconds: 120 });
    const again = await app.gql(`query($id: ID!) { workOrder(id: $id) { reception { greetingLate greetWithinSeconds } } }`, { id: late.workOrder.id }, { token: await app.login('advisor') });
    expect(again.data.workOrder.reception).toEqual({ greetingLate: true, greetWithinSeconds: 60 });
    await app.gql(SETTINGS, { input: { greetWithinSeconds: 60, expectedVersion: 2 } }, { token: await app.login('manager') });
  });

  it('R-REC-4: the customer’s words and the advisor’s notes are staff-only fields, kept apart', async () => {
    const { vehicleId } = await createCustomerAndVehicle(app);
    const res = await receive({ vehicleId, complaint: '“咔咔”响，像是从底盘传来', advisorNotes: '检查前下摆臂球头' });
    const read = await app.gql(`query($id: ID!) { workOrder(id: $id) { complaint advisorNotes } }`, { id: res.workOrder.id }, { token: await app.login('tech1') });
    expect(read.data.workOrder).toEqual({ complaint: '“咔咔”响，像是从底盘传来', advisorNotes: '检查前下摆臂球头' });
  });
});

describe('R-REC-2/3/4: what the reception records is for staff, never for a wall display', () => {
  it('a display token reads the card but not the reception, the advisor’s notes, the walk-around or the walk-around node', async () => {
    const wo = await receivedOrder();
    const sheet = await recordWalkAround(app, wo.id);
    const created = await app.gql(`mutation { createDisplayToken(input: { name: "接待区" }) { token } }`, {}, { token: await app.login('manager') });
    const display = created.data.createDisplayToken.token;
    const card = await app.gql(`{ board { cards { workOrder { id status } } } }`, {}, { token: display });
    expect(card.data.board.cards.some((c: { workOrder: { id: string } }) => c.workOrder.id === wo.id)).toBe(true);
    for (const field of ['reception { identityDocument }', 'advisorNotes', 'walkAround { id }', 'carriedOver { id }']) {
      const res = await app.gql(`{ board { cards { workOrder { id ${field} } } } }`, {}, { token: display });
      expect(res.errors?.[0].extensions?.code, field).toBe('FORBIDDEN');
    }
    const node = await app.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: sheet.walkAround.id }, { token: display });
    expect(node.errors?.[0].extensions?.code ?? node.data.node).toBe('FORBIDDEN');
  });
});

describe('R-REC-1/2 receiveVehicle refusals: a clear userError, nothing written', () => {
  it('R-REC-1: only advisors and managers receive cars', async () => {
    const { vehicleId } = await createCustomerAndVehicle(app);
    const before = await counts();
    for (const who of ['tech1', 'foreman', 'cs', 'cashier', 'qc']) {
      const res = await receive({ vehicleId }, who);
      expect(res.errors?.[0].extensions?.code, who).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
  });

  it('R-REC-1: greetedAt before arrivedAt, times in the future or more than a day back; R-REC-2: OTHER without saying which document; bad ids', async () => {
    const { vehicleId } = await createCustomerAndVehicle(app);
    const before = await counts();
    expect(codes(await receive({ vehicleId, arrivedAt: at(-30), greetedAt: at(-60) }))).toEqual(['input.greetedAt:GREETED_BEFORE_ARRIVAL']);
    expect(codes(await receive({ vehicleId, arrivedAt: at(600), greetedAt: at(660) }))).toEqual(['input.arrivedAt:RECEPTION_TIME_IN_FUTURE', 'input.greetedAt:RECEPTION_TIME_IN_FUTURE']);
    expect(codes(await receive({ vehicleId, arrivedAt: at(-25 * 3600), greetedAt: at(-25 * 3600 + 30) }))).toEqual(['input.arrivedAt:RECEPTION_TIME_TOO_OLD']);
    expect(codes(await receive({ vehicleId, identityDocument: 'OTHER' }))).toEqual(['input.identityNote:IDENTITY_NOTE_REQUIRED']);
    expect(codes(await receive({ vehicleId, appointmentId: 'nonsense' }))).toEqual(['input.appointmentId:INVALID_ID']);
    expect(codes(await receive({ vehicleId, complaint: '  ' }))).toEqual(['input.complaint:REQUIRED']);
    expect(codes(await receive({ vehicleId: toGlobalId('Vehicle', 999999) }))).toEqual(['input.vehicleId:NOT_FOUND']);
    expect(codes(await receive({ vehicleId, advisorNotes: 'a\u202Eb' }))).toEqual(['input.advisorNotes:INVALID_CHARACTERS']);
    const en = await receive({ vehicleId, arrivedAt: at(-30), greetedAt: at(-60) }, 'advisor', 'en');
    expect(en.userErrors[0].message).toBe('The greeting cannot be before the arrival');
    const zh = await receive({ vehicleId, arrivedAt: at(-30), greetedAt: at(-60) });
    expect(zh.userErrors[0].message).toBe('接待时间不能早于到店时间');
    expect(await counts()).toEqual(before);
  });

  it('R-REC-1: the mileage must not go backwards: refused with the recorded reading, the vehicle keeps it', async () => {
    const { vehicleId } = await createCustomerAndVehicle(app); // recorded 12000 km
    const before = await counts();
    const res = await receive({ vehicleId, mileageIn: 11999 }, 'advisor', 'en');
    expect(res.userErrors).toEqual([{ code: 'MILEAGE_BELOW_RECORDED', field: ['input', 'mileageIn'], message: 'The mileage cannot be below the 12000 km already recorded for the vehicle' }]);
    expect(await counts()).toEqual(before);
    const v = await app.gql(`query($id: ID!) { node(id: $id) { ... on Vehicle { mileageKm } } }`, { id: vehicleId }, { token: await app.login('advisor') });
    expect(v.data.node.mileageKm).toBe(12000);
    expect((await receive({ vehicleId, mileageIn: 12000 })).userErrors).toEqual([]);
  });

  it('R-APT-2 with R-REC-1: the appointment must be of this vehicle and store, BOOKED or CONFIRMED; refused after the order was written, everything rolls back', async () => {
    const { appointment, input } = await booked('2026-12-01T10:00');
    const { vehicleId: otherVehicle } = await createCustomerAndVehicle(app);
    const before = await counts();

    expect(codes(await receive({ appointmentId: appointment.id, vehicleId: otherVehicle }))).toEqual(['input.appointmentId:APPOINTMENT_OF_ANOTHER_VEHICLE']);
    expect(codes(await receive({ appointmentId: toGlobalId('Appointment', 999999), vehicleId: input.vehicleId }))).toEqual(['input.appointmentId:NOT_FOUND']);
    // Another store's appointment is not found either.
    const [row] = await sql<{ id: number }>(
      `insert into appointment (store_id, customer_id, vehicle_id, advisor_id, bay_id, slot_start, slot_end, channel, initiator, purpose, customer_words, jobs)
       select ?, customer_id, vehicle_id, advisor_id, bay_id, slot_start, slot_end, channel, initiator, purpose, customer_words, jobs from appointment where id = ? returning id`,
      [app.otherStoreId, dbId(appointment.id, 'Appointment')],
    );
    expect(codes(await receive({ appointmentId: toGlobalId('Appointment', row.id), vehicleId: input.vehicleId }))).toEqual(['input.appointmentId:NOT_FOUND']);
    expect(await counts()).toEqual(before);
    const still = await app.gql(A.appointment, { id: appointment.id }, { token: await app.login('advisor') });
    expect(still.data.appointment).toMatchObject({ status: 'BOOKED', version: 1 });

    // Received once: a second reception of it is refused.
    expect((await receive({ appointmentId: appointment.id, vehicleId: input.vehicleId })).userErrors).toEqual([]);
    const twice = await receive({ appointmentId: appointment.id, vehicleId: input.vehicleId }, 'advisor', 'en');
    expect(twice.userErrors).toEqual([{ code: 'APPOINTMENT_NOT_OPEN', field: ['input', 'appointmentId'], message: 'The appointment is ARRIVED; it cannot be received' }]);
  });

  it('R-REC-1: of concurrent receptions of one appointment exactly one opens an order; of concurrent walk-arounds of one order exactly one is recorded', async () => {
    const { appointment, input } = await booked('2026-12-01T16:00');
    const before = await count('work_order');
    const results = await Promise.all(Array.from({ length: 5 }, () => receive({ appointmentId: appointment.id, vehicleId: input.vehicleId })));
    const opened = results.filter((r) => r.workOrder);
    expect(opened).toHaveLength(1);
    expect(results.filter((r) => !r.workOrder).flatMap(codes)).toEqual(Array(4).fill('input.appointmentId:APPOINTMENT_NOT_OPEN'));
    expect(await count('work_order')).toBe(before + 1);

    const wo = opened[0].workOrder;
    const sheets = await Promise.all(Array.from({ length: 4 }, () => fullSheet(wo.id)));
    const recorded = await Promise.all(sheets.map((sheet) => walkAround(sheet)));
    expect(recorded.filter((r) => r.walkAround)).toHaveLength(1);
    expect(recorded.filter((r) => !r.walkAround).flatMap(codes)).toEqual(Array(3).fill('input.workOrderId:WALK_AROUND_EXISTS'));
  });

  it('R-APT-2 with R-REC-1: a CANCELLED appointment cannot be received', async () => {
    const { appointment, input } = await booked('2026-12-01T14:00');
    await app.gql(A.transition, { input: { id: appointment.id, to: 'CANCELLED', reason: '客户改期' } }, { token: await app.login('advisor') });
    const before = await counts();
    expect(codes(await receive({ appointmentId: appointment.id, vehicleId: input.vehicleId }))).toEqual(['input.appointmentId:APPOINTMENT_NOT_OPEN']);
    expect(await counts()).toEqual(before);
  });
});

/** A full walk-around sheet with one damage and its photo. */
async function fullSheet(workOrderId: string, extra: Record<string, unknown> = {}) {
  const photo = await uploadImage(app, 'WALK_AROUND_PHOTO');
  return {
    workOrderId,
    declined: false,
    mileage: 12010,
    fuelLevelPercent: 50,
    coversFitted: true,
    valuablesReminded: true,
    interiorNotes: '后排座椅有污渍',
    tyreNotes: '左前胎胎纹 2 mm',
    damages: [{ area: 'FRONT_BUMPER', kind: 'SCRATCH', sizeCm: 5, photoIds: [photo], note: '右侧' }],
    customerSignatureId: await uploadImage(app, 'SIGNATURE'),
    ...extra,
  };
}

async function walkAround(input: Record<string, unknown>, as = 'advisor', locale?: string) {
  const res = await app.gql(RECORD_WALK_AROUND, { input }, { token: await app.login(as), locale });
  return res.data?.recordWalkAround ?? res;
}

async function receivedOrder() {
  const { vehicleId } = await createCustomerAndVehicle(app);
  const res = await receive({ vehicleId });
  if (!res.workOrder) throw new Error(JSON.stringify(res));
  return res.workOrder as { id: string; version: number };
}

describe('R-REC-3 recordWalkAround', () => {
  it('R-REC-3: records every damage with area, kind, size and photos, interior, tyres, fuel, mileage, valuables reminder, covers, and the customer’s signature — an event in the order’s timeline', async () => {
    const wo = await receivedOrder();
    const input = await fullSheet(wo.id, { expectedVersion: 1 });
    const res = await walkAround(input);
    expect(res.userErrors).toEqual([]);
    expect(res.walkAround).toMatchObject({
      declined: false,
      declineReason: null,
      mileage: 12010,
      fuelLevelPercent: 50,
      coversFitted: true,
      valuablesReminded: true,
      interiorNotes: '后排座椅有污渍',
      tyreNotes: '左前胎胎纹 2 mm',
      signedAt: clock.now().toISOString(),
      damages: [{ area: 'FRONT_BUMPER', kind: 'SCRATCH', sizeCm: 5, note: '右侧', photos: [{ id: (input.damages as { photoIds: string[] }[])[0].photoIds[0] }] }],
      signature: { id: input.customerSignatureId },
      recordedBy: { id: toGlobalId('Staff', app.staffIds.advisor) },
    });
    expect(res.walkAround.signature.url).toMatch(/^http:\/\/workbay\.test\/files\//);
    expect(res.walkAround.damages[0].photos[0].url).toMatch(/^http:\/\/workbay\.test\/files\//);
    expect(res.workOrder).toMatchObject({ id: wo.id, status: 'DRAFT', version: 2 });

    const read = await app.gql(`query($id: ID!) { workOrder(id: $id) { mileageIn vehicle { mileageKm } walkAround { id declined } events { kind to version } } }`, { id: wo.id }, { token: await app.login('manager') });
    expect(read.data.workOrder).toMatchObject({ mileageIn: 12000, vehicle: { mileageKm: 12010 }, walkAround: { id: res.walkAround.id, declined: false } });
    expect(read.data.workOrder.events.at(-1)).toEqual({ kind: 'WALK_AROUND_RECORDED', to: 'DRAFT', version: 2 });
    const node = await app.gql(`query($id: ID!) { node(id: $id) { id ... on WalkAround { declined workOrder { id } } } }`, { id: res.walkAround.id }, { token: await app.login('advisor') });
    expect(node.data.node).toEqual({ id: res.walkAround.id, declined: false, workOrder: { id: wo.id } });
  });

  it('R-REC-3: a declined walk-around needs a reason and a signature, and is recorded, never skipped silently', async () => {
    const wo = await receivedOrder();
    const before = await counts();
    const signature = await uploadImage(app, 'SIGNATURE');
    expect(codes(await walkAround({ workOrderId: wo.id, declined: true, customerSignatureId: signature }))).toEqual(['input.declineReason:DECLINE_REASON_REQUIRED']);
    expect(codes(await walkAround({ workOrderId: wo.id, declined: true, declineReason: '客户赶时间' }))).toEqual(['input.customerSignatureId:SIGNATURE_REQUIRED']);
    expect(codes(await walkAround({ workOrderId: wo.id, declined: true, declineReason: '客户赶时间', customerSignatureId: '' }))).toEqual(['input.customerSignatureId:SIGNATURE_REQUIRED']);
    const photo = await uploadImage(app, 'WALK_AROUND_PHOTO');
    expect(codes(await walkAround({ workOrderId: wo.id, declined: true, declineReason: '客户赶时间', customerSignatureId: signature, damages: [{ area: 'ROOF', kind: 'DENT', sizeCm: 3, photoIds: [photo] }] }))).toEqual([
      'input.damages:DAMAGES_ON_DECLINED',
    ]);
    expect(await counts()).toEqual(before);

    const res = await walkAround({ workOrderId: wo.id, declined: true, declineReason: '客户赶时间，拒绝环检', customerSignatureId: signature });
    expect(res.userErrors).toEqual([]);
    expect(res.walkAround).toMatchObject({ declined: true, declineReason: '客户赶时间，拒绝环检', mileage: null, damages: [], signature: { id: signature } });
    const [event] = await sql<{ data: Record<string, unknown> }>(`select data from domain_event where aggregate_type = 'WorkOrder' and aggregate_id = ? and kind = 'WALK_AROUND_RECORDED'`, [dbId(wo.id, 'WorkOrder')]);
    expect(event.data).toMatchObject({ declined: true, declineReason: '客户赶时间，拒绝环检', damages: 0, version: 2 });
  });

  it('R-REC-3: a sheet that is not declined goes the whole route: mileage, fuel, covers and valuables are required; sizes, fuel and photos are checked', async () => {
    const wo = await receivedOrder();
    const before = await counts();
    const signature = await uploadImage(app, 'SIGNATURE');
    expect(codes(await walkAround({ workOrderId: wo.id, declined: false, customerSignatureId: signature }))).toEqual([
      'input.coversFitted:REQUIRED',
      'input.fuelLevelPercent:REQUIRED',
      'input.mileage:REQUIRED',
      'input.valuablesReminded:REQUIRED',
    ]);
    const full = await fullSheet(wo.id);
    expect(codes(await walkAround({ ...full, declineReason: '不适用' }))).toEqual(['input.declineReason:DECLINE_REASON_NOT_APPLICABLE']);
    expect(codes(await walkAround({ ...full, fuelLevelPercent: 120, damages: [{ area: 'BOOT', kind: 'CRACK', sizeCm: 0, photoIds: [] }] }))).toEqual([
      'input.damages.0.photoIds:REQUIRED',
      'input.damages.0.sizeCm:OUT_OF_RANGE',
      'input.fuelLevelPercent:OUT_OF_RANGE',
    ]);
    expect(codes(await walkAround({ ...full, damages: [{ area: 'BOOT', kind: 'CRACK', sizeCm: 2, photoIds: ['x'] }] }))).toEqual(['input.damages.0.photoIds.0:INVALID_ID']);
    expect(await counts()).toEqual(before);
  });

  it('R-REC-3: the signature and photos must be received uploads of this store, of the right purpose', async () => {
    const wo = await receivedOrder();
    const before = await counts();
    const full = await fullSheet(wo.id);
    const photo = (full.damages as { photoIds: string[] }[])[0].photoIds[0];
    const pending = (await app.gql(CREATE_UPLOAD, { input: { purpose: 'WALK_AROUND_PHOTO', contentType: 'image/png', byteSize: PNG.length } }, { token: await app.login('advisor') })).data.createUpload.upload.id;
    expect(codes(await walkAround({ ...full, customerSignatureId: photo }))).toEqual(['input.customerSignatureId:UPLOAD_WRONG_PURPOSE']);
    expect(codes(await walkAround({ ...full, damages: [{ area: 'BONNET', kind: 'CHIP', sizeCm: 1, photoIds: [pending] }] }))).toEqual(['input.damages.0.photoIds:UPLOAD_NOT_RECEIVED']);
    expect(codes(await walkAround({ ...full, customerSignatureId: toGlobalId('Upload', 999999) }))).toEqual(['input.customerSignatureId:UPLOAD_NOT_FOUND']);
    expect(codes(await walkAround({ ...full, damages: [{ area: 'BONNET', kind: 'CHIP', sizeCm: 1, photoIds: [full.customerSignatureId] }] }))).toEqual(['input.damages.0.photoIds:UPLOAD_WRONG_PURPOSE']);
    expect(await counts()).toEqual(before);
  });

  it('R-REC-3: one walk-around per order, while DRAFT; the mileage must not go backwards; STALE_VERSION; advisors and managers only', async () => {
    const wo = await receivedOrder();
    const before = await counts();
    expect(codes(await walkAround(await fullSheet(wo.id, { mileage: 11000 })))).toEqual(['input.mileage:MILEAGE_BELOW_RECORDED']);
    expect(codes(await walkAround(await fullSheet(wo.id, { expectedVersion: 7 })))).toEqual(['input.expectedVersion:STALE_VERSION']);
    expect(codes(await walkAround(await fullSheet(toGlobalId('WorkOrder', 999999))))).toEqual(['input.workOrderId:NOT_FOUND']);
    for (const who of ['tech1', 'foreman', 'cashier']) expect((await walkAround(await fullSheet(wo.id), who)).errors?.[0].extensions?.code, who).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);

    expect((await walkAround(await fullSheet(wo.id), 'manager')).userErrors).toEqual([]);
    const second = await walkAround(await fullSheet(wo.id), 'advisor', 'en');
    expect(second.userErrors).toEqual([{ code: 'WALK_AROUND_EXISTS', field: ['input', 'workOrderId'], message: 'The walk-around of this work order is already recorded' }]);

    const cancelled = await receivedOrder();
    expect((await move(app, 'advisor', cancelled.id, 'CANCELLED')).workOrder.status).toBe('CANCELLED');
    expect(codes(await walkAround(await fullSheet(cancelled.id)))).toEqual(['input.workOrderId:WORK_ORDER_NOT_DRAFT']);
  });
});

describe('R-REC-3 guard: no leaving DRAFT without a walk-around or a recorded refusal', () => {
  it('R-REC-3: a received order cannot move on without its walk-around (WALK_AROUND_REQUIRED, nothing written); with it, it can', async () => {
    const wo = await receivedOrder();
    const before = await counts();
    for (const who of ['advisor', 'manager', 'admin']) {
      const refused = await move(app, who, wo.id, 'AWAITING_APPROVAL');
      expect(refused.userErrors, who).toEqual([expect.objectContaining({ code: 'WALK_AROUND_REQUIRED', field: ['input', 'to'] })]);
    }
    expect(await counts()).toEqual(before);
    expect(await versionOf(app, wo.id)).toBe(1);

    expect((await recordWalkAround(app, wo.id)).userErrors).toEqual([]);
    expect((await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL')).workOrder.status).toBe('AWAITING_APPROVAL');
  });

  it('R-REC-3: orders opened with createWorkOrder need it too; the message speaks the caller’s language', async () => {
    const wo = await createWorkOrder(app, { promisedAt: at(4 * 3600) });
    const res = await app.gql(Q.transition, { input: { id: wo.id, to: 'AWAITING_APPROVAL' } }, { token: await app.login('advisor'), locale: 'en' });
    expect(res.data.transitionWorkOrder.userErrors).toEqual([{ code: 'WALK_AROUND_REQUIRED', field: ['input', 'to'], message: 'Record the walk-around first (or the customer’s signed refusal of it)' }]);
  });

  it('R-REC-3 with R-EST-4: sending an estimate does not take a DRAFT order past its missing walk-around (nothing written)', async () => {
    const wo = await receivedOrder();
    const token = await app.login('advisor');
    const saved = await app.gql(ESTIMATE_Q.save, { input: { workOrderId: wo.id, lines: [{ kind: 'LABOUR', description: '更换氧传感器', skill: 'ENGINE', standardHours: 1.5, hourlyRateFen: 30000 }] } }, { token });
    const estimate = saved.data.saveEstimate.estimate;
    const before = await counts();
    const sent = await app.gql(ESTIMATE_Q.send, { input: { estimateId: estimate.id, expectedVersion: estimate.version } }, { token });
    expect(sent.data.sendEstimate.userErrors).toEqual([expect.objectContaining({ code: 'WALK_AROUND_REQUIRED' })]);
    expect(await counts()).toEqual(before);
    expect((await recordWalkAround(app, wo.id)).userErrors).toEqual([]);
    const again = await app.gql(ESTIMATE_Q.send, { input: { estimateId: estimate.id, expectedVersion: estimate.version } }, { token });
    expect(again.data.sendEstimate).toMatchObject({ estimate: { status: 'SENT' }, workOrder: { status: 'AWAITING_APPROVAL' }, userErrors: [] });
  });

  it('R-REC-3: cancelling a DRAFT order needs no walk-around', async () => {
    const wo = await receivedOrder();
    expect((await move(app, 'advisor', wo.id, 'CANCELLED')).workOrder.status).toBe('CANCELLED');
  });

  it('R-REC-3: the guard holds for the system actor (jobs, the demo seed) too', async () => {
    const wo = await receivedOrder();
    const services = app.server.services;
    const refused = await services.workOrders.transition(app.orm.em.fork(), systemActor(app.storeId, 'test'), { id: wo.id, to: WorkOrderStatus.AWAITING_APPROVAL });
    expect(refused).toEqual({ ok: false, errors: [{ code: 'WALK_AROUND_REQUIRED', field: ['input', 'to'], params: undefined }] });
  });
});
