import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId } from '../src/graphql/global-id.js';
import { ManualClock } from '../src/shared/clock.js';
import { finish, orderInProgressWith } from './helpers/cash-desk.js';
import { approveOneLineEstimate, assign, createCustomerAndVehicle, createWalkedAroundOrder, ESTIMATE_Q, move, recordDelivery, recordWalkAround, settle } from './helpers/flows.js';
import { BOARD_EVENTS, collect } from './helpers/subscriptions.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const clock = new ManualClock(new Date());
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ clock });
});
afterAll(() => app?.stop());

const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => app.orm.em.fork().getConnection().execute(query, params);
const codes = (p: { userErrors: { code: string; field: string[] }[] }) => p.userErrors.map((e) => `${e.code}@${e.field.join('.')}`);

const MODEL = '朗逸 Lavida 1.5L';
const Q = {
  createPart: `mutation($input: CreatePartInput!) { createPart(input: $input) { part { id partNumber name unitPriceFen } userErrors { code field message } } }`,
  receive: `mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { part { id stock { onHand available } } purchaseRequest { id status } userErrors { code field message } } }`,
  request: `mutation($input: RequestPartsInput!) { requestParts(input: $input) {
    issues { id quantity part { partNumber } job { id } }
    purchaseRequests { id status quantity origin reason workOrder { id } job { id title waitingForParts } part { partNumber } }
    workOrder { id version jobs { id waitingForParts } }
    userErrors { code field message } } }`,
  issue: `mutation($input: IssuePartsInput!) { issueParts(input: $input) { issues { id quantity } userErrors { code field message } } }`,
  returnParts: `mutation($input: ReturnPartsInput!) { returnParts(input: $input) { part { id } userErrors { code field message } } }`,
  transitionRequest: `mutation($input: TransitionPurchaseRequestInput!) { transitionPurchaseRequest(input: $input) { purchaseRequest { id status version } userErrors { code field message } } }`,
  jobs: `query($id: ID!) { workOrder(id: $id) { version jobs { id waitingForParts } events { kind } } }`,
  board: `{ board { cards { workOrder { id } flags } } }`,
  preview: `query($id: ID!) { settlementPreview(workOrderId: $id) {
    lines { description amountFen payer }
    issuedParts { partNumber name issuedQuantity coveredQuantity uncoveredQuantity unitPriceFen uncoveredAmountFen }
    totals { partsFen labourFen taxFen totalFen customerFen } } }`,
  estimate: `query($id: ID!) { node(id: $id) { ... on Estimate { lines { description partId partNumber partSource unitPriceFen quantity amountFen } totals { partsFen totalFen } } } }`,
  correct: `mutation($input: CorrectDeliveryInput!) { correctDelivery(input: $input) {
    delivery { mileageOut nextServiceDueOn nextServiceDueKm advice version corrections { reason version correctedAt correctedBy { id } changes { field from to } } }
    workOrder { id version }
    userErrors { code field message } } }`,
  delivery: `query($id: ID!) { workOrder(id: $id) { version delivery { version mileageOut } vehicle { mileageKm } events { kind } } }`,
};

let serial = 0;
const partNumber = () => `WP${Date.now().toString(36).toUpperCase()}${++serial}`;

async function createPart(input: Record<string, unknown> = {}) {
  const res = await app.gql(Q.createPart, { input: { partNumber: partNumber(), name: '前刹车片', source: 'OEM', unitPriceFen: 42000, fitsModels: [MODEL], ...input } }, { token: await app.login('parts') });
  if (!res.data?.createPart?.part) throw new Error(JSON.stringify(res));
  return res.data.createPart.part as { id: string; partNumber: string; name: string; unitPriceFen: number };
}

async function receive(partId: string, quantity: number, purchaseRequestId?: string) {
  const res = await app.gql(Q.receive, { input: { partId, quantity, purchaseRequestId } }, { token: await app.login('parts') });
  if (res.data?.receiveStock?.userErrors?.length !== 0) throw new Error(JSON.stringify(res));
  return res.data.receiveStock;
}

async function jobsOf(workOrderId: string) {
  return (await app.gql(Q.jobs, { id: workOrderId }, { token: await app.login('manager') })).data.workOrder as { version: number; jobs: { id: string; waitingForParts: boolean }[]; events: { kind: string }[] };
}

async function stockRow(partId: string) {
  const [row] = await sql<{ on_hand: number; reserved: number }>('select on_hand, reserved from part_stock where part_id = ?', [dbId(partId, 'Part')]);
  return row;
}

const LABOUR = { kind: 'LABOUR', description: '更换前刹车片', skill: 'MAINTENANCE', standardHours: 1, hourlyRateFen: 30000 };

describe('R-WO-5: parts asked for a job; a short part raises a purchase request and the job waits for it', () => {
  it('R-WO-5: in-stock lines are issued, short lines raise a request linked to the job; WAITING_PARTS on the live board until the parts are received', async () => {
    const inStock = await createPart({ name: '机油滤清器', unitPriceFen: 8800, fitsModels: [] });
    await receive(inStock.id, 5);
    const short = await createPart({ name: '前刹车片' });
    await receive(short.id, 1);
    const wo = await orderInProgressWith(app, [LABOUR], 0);
    const job = (await jobsOf(wo.id)).jobs[0];
    expect(job.waitingForParts).toBe(false);

    const client = app.ws({ authorization: `Bearer ${await app.login('foreman')}` });
    const events = collect(client, BOARD_EVENTS);
    const flagsOf = (items: { workOrderId: string; card: { flags: string[] } | null }[]) => items.filter((e) => e.workOrderId === wo.id && e.card).map((e) => e.card!.flags.includes('WAITING_PARTS'));
    // The subscription is live once it replays a first change of the order.
    await app.gql(`mutation($input: ReportProgressInput!) { reportProgress(input: $input) { userErrors { code } } }`, { input: { workOrderId: wo.id, percent: 10, note: '已拆检' } }, { token: await app.login('tech1') });
    await events.until((items) => flagsOf(items).length >= 1);
    expect(flagsOf(events.items)).toEqual([false]);

    const res = await app.gql(Q.request, { input: { workOrderId: wo.id, jobId: job.id, lines: [{ partId: inStock.id, quantity: 1 }, { partId: short.id, quantity: 4 }] } }, { token: await app.login('tech1') });
    const payload = res.data.requestParts;
    expect(payload.userErrors).toEqual([]);
    expect(payload.issues).toEqual([expect.objectContaining({ quantity: 1, part: { partNumber: inStock.partNumber }, job: { id: job.id } })]);
    expect(payload.purchaseRequests).toEqual([
      expect.objectContaining({ status: 'OPEN', quantity: 3, origin: 'JOB_SHORTAGE', workOrder: { id: wo.id }, job: expect.objectContaining({ id: job.id, waitingForParts: true }), part: { partNumber: short.partNumber } }),
    ]);
    expect(payload.purchaseRequests[0].reason).toContain('缺 3 件');
    expect(payload.workOrder.jobs[0].waitingForParts).toBe(true);
    // Nothing of the short part was issued; the one in stock was.
    expect(await stockRow(short.id)).toEqual({ on_hand: 1, reserved: 0 });
    expect(await stockRow(inStock.id)).toEqual({ on_hand: 4, reserved: 0 });
    await events.until((items) => flagsOf(items).at(-1) === true);
    const card = (await app.gql(Q.board, {}, { token: await app.login('foreman') })).data.board.cards.find((c: { workOrder: { id: string } }) => c.workOrder.id === wo.id);
    expect(card.flags).toContain('WAITING_PARTS');

    // A partial delivery leaves the job waiting; the rest clears the flag, live.
    await receive(short.id, 2, payload.purchaseRequests[0].id);
    expect((await jobsOf(wo.id)).jobs[0].waitingForParts).toBe(true);
    const done = await receive(short.id, 1, payload.purchaseRequests[0].id);
    expect(done.purchaseRequest.status).toBe('RECEIVED');
    await events.until((items) => flagsOf(items).at(-1) === false);
    const after = await jobsOf(wo.id);
    expect(after.jobs[0].waitingForParts).toBe(false);
    expect(after.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['PARTS_REQUESTED', 'PARTS_REQUEST_CLOSED']));
    events.stop();
    await client.dispose();
    // The parts have come: now they are issued.
    const issued = await app.gql(Q.issue, { input: { workOrderId: wo.id, jobId: job.id, lines: [{ partId: short.id, quantity: 4 }] } }, { token: await app.login('tech1') });
    expect(issued.data.issueParts.userErrors).toEqual([]);
    await move(app, 'foreman', wo.id, 'ON_HOLD', { holdReason: 'OTHER', reason: '让出工位' });
  });

  it('R-WO-5: cancelling the request ends the wait; refusals (not assigned, not in progress, not fitting) write nothing', async () => {
    const part = await createPart();
    const wo = await orderInProgressWith(app, [LABOUR], 0);
    const job = (await jobsOf(wo.id)).jobs[0];
    const input = { workOrderId: wo.id, jobId: job.id, lines: [{ partId: part.id, quantity: 2 }] };
    const before = (await sql<{ n: number }>('select count(*)::int as n from purchase_request')).at(0)!.n;
    expect(codes((await app.gql(Q.request, { input }, { token: await app.login('tech2') })).data.requestParts)).toEqual(['NOT_ASSIGNED_TO_ORDER@input.workOrderId']);
    const misfit = await createPart({ fitsModels: ['迈腾 Magotan 330TSI'] });
    expect(codes((await app.gql(Q.request, { input: { ...input, lines: [{ partId: misfit.id, quantity: 1 }] } }, { token: await app.login('tech1') })).data.requestParts)).toEqual(['PART_DOES_NOT_FIT@input.lines.0.partId']);
    expect((await sql<{ n: number }>('select count(*)::int as n from purchase_request')).at(0)!.n).toBe(before);

    const res = (await app.gql(Q.request, { input }, { token: await app.login('parts') })).data.requestParts;
    expect(res.purchaseRequests).toHaveLength(1);
    expect((await jobsOf(wo.id)).jobs[0].waitingForParts).toBe(true);
    const cancelled = await app.gql(Q.transitionRequest, { input: { id: res.purchaseRequests[0].id, to: 'CANCELLED', reason: '客户改用副厂件' } }, { token: await app.login('parts') });
    expect(cancelled.data.transitionPurchaseRequest.userErrors).toEqual([]);
    expect((await jobsOf(wo.id)).jobs[0].waitingForParts).toBe(false);
    await move(app, 'foreman', wo.id, 'ON_HOLD', { holdReason: 'OTHER', reason: '让出工位' });
    expect(codes((await app.gql(Q.request, { input }, { token: await app.login('foreman') })).data.requestParts)).toEqual(['ORDER_NOT_IN_PROGRESS@input.workOrderId']);
  });
});

describe('R-EST-2 / R-WO-5: estimate PART lines from the catalog', () => {
  it('R-EST-2: partId fills number, source, price and name from the catalog and keeps the reference; a part that does not fit is refused (PART_DOES_NOT_FIT)', async () => {
    const part = await createPart({ name: '前刹车片（原厂）', unitPriceFen: 42050 });
    const wo = await createWalkedAroundOrder(app);
    const token = await app.login('advisor');
    const saved = await app.gql(ESTIMATE_Q.save, { input: { workOrderId: wo.id, lines: [{ kind: 'PART', partId: part.id, quantity: 2 }, LABOUR] } }, { token });
    expect(saved.data.saveEstimate.userErrors).toEqual([]);
    const estimate = (await app.gql(Q.estimate, { id: saved.data.saveEstimate.estimate.id }, { token })).data.node;
    expect(estimate.lines[0]).toEqual({ description: '前刹车片（原厂）', partId: part.id, partNumber: part.partNumber, partSource: 'OEM', unitPriceFen: 42050, quantity: 2, amountFen: 84100 });
    expect(estimate.lines[1].partId).toBeNull();
    expect(estimate.totals).toEqual({ partsFen: 84100, totalFen: 114100 });

    const misfit = await createPart({ fitsModels: ['迈腾 Magotan 330TSI'] });
    const refused = await app.gql(ESTIMATE_Q.save, { input: { workOrderId: wo.id, lines: [LABOUR, { kind: 'PART', partId: misfit.id, quantity: 1, description: '刹车片' }] } }, { token });
    expect(codes(refused.data.saveEstimate)).toEqual(['PART_DOES_NOT_FIT@input.lines.1.partId']);
    expect(refused.data.saveEstimate.userErrors[0].message).toContain(MODEL);
    const typed = await app.gql(ESTIMATE_Q.save, { input: { workOrderId: wo.id, lines: [{ kind: 'PART', partId: part.id, quantity: 1, unitPriceFen: 100, partNumber: 'X1' }] } }, { token });
    expect(codes(typed.data.saveEstimate).sort()).toEqual(['LINE_FIELD_NOT_APPLICABLE@input.lines.0.partNumber', 'LINE_FIELD_NOT_APPLICABLE@input.lines.0.unitPriceFen']);
    const unknown = await app.gql(ESTIMATE_Q.save, { input: { workOrderId: wo.id, lines: [{ kind: 'PART', partId: 'UGFydDo5OTk5OTk5', quantity: 1 }] } }, { token });
    expect(codes(unknown.data.saveEstimate)).toEqual(['NOT_FOUND@input.lines.0.partId']);
    const noDescription = await app.gql(ESTIMATE_Q.save, { input: { workOrderId: wo.id, lines: [{ kind: 'FEE', amountFen: 100 }] } }, { token });
    expect(codes(noDescription.data.saveEstimate)).toEqual(['REQUIRED@input.lines.0.description']);
    // The refusals wrote nothing: the first estimate is still the order's only one.
    expect((await sql<{ n: number }>('select count(*)::int as n from estimate where work_order_id = ?', [dbId(wo.id, 'WorkOrder')]))[0].n).toBe(1);
  });
});

describe('R-DEL-3 / R-EST-6: issued catalog parts at the cash desk, never charged twice', () => {
  it('R-DEL-3: estimate with a catalog part → approve → issue it (and one more, one returned) → settle: totals to the fen, no double charge, the extra unit shown and not charged', async () => {
    const pads = await createPart({ name: '前刹车片', unitPriceFen: 42050 });
    const fluid = await createPart({ name: '刹车油 DOT4', unitPriceFen: 6800, fitsModels: [] });
    await receive(pads.id, 10);
    await receive(fluid.id, 10);
    // 2 × 420.50 + 1 h × 300.00 = 1 141.00 元 approved; the hand-typed fluid line covers by part number.
    const wo = await orderInProgressWith(app, [{ kind: 'PART', partId: pads.id, quantity: 2 }, LABOUR, { kind: 'PART', description: '刹车油', partNumber: fluid.partNumber, partSource: 'OEM', quantity: 1, unitPriceFen: 6800 }], 1);
    const job = (await jobsOf(wo.id)).jobs[0];
    const tech = await app.login('tech1');
    const first = await app.gql(Q.issue, { input: { workOrderId: wo.id, jobId: job.id, lines: [{ partId: pads.id, quantity: 3 }, { partId: fluid.id, quantity: 1 }] } }, { token: tech });
    expect(first.data.issueParts.userErrors).toEqual([]);
    // One pad went back unused; one more fluid bottle was used beyond the approved line.
    expect((await app.gql(Q.returnParts, { input: { partIssueId: first.data.issueParts.issues[0].id, quantity: 1, reason: '多领一片' } }, { token: tech })).data.returnParts.userErrors).toEqual([]);
    expect((await app.gql(Q.issue, { input: { workOrderId: wo.id, jobId: job.id, lines: [{ partId: fluid.id, quantity: 1 }] } }, { token: tech })).data.issueParts.userErrors).toEqual([]);
    await finish(app, wo.id);

    const cashier = await app.login('cashier');
    const preview = (await app.gql(Q.preview, { id: wo.id }, { token: cashier })).data.settlementPreview;
    expect(preview.lines.map((l: { amountFen: number }) => l.amountFen)).toEqual([84100, 30000, 6800]);
    expect(preview.totals).toEqual({ partsFen: 90900, labourFen: 30000, taxFen: 0, totalFen: 120900, customerFen: 120900 });
    expect(preview.issuedParts).toEqual([
      { partNumber: pads.partNumber, name: '前刹车片', issuedQuantity: 2, coveredQuantity: 2, uncoveredQuantity: 0, unitPriceFen: 42050, uncoveredAmountFen: 0 },
      { partNumber: fluid.partNumber, name: '刹车油 DOT4', issuedQuantity: 2, coveredQuantity: 1, uncoveredQuantity: 1, unitPriceFen: 6800, uncoveredAmountFen: 6800 },
    ]);
    const settled = await settle(app, wo.id);
    expect(settled.userErrors).toEqual([]);
    expect(settled.settlement.totals).toMatchObject({ partsFen: 90900, labourFen: 30000, totalFen: 120900, customerFen: 120900 });
    expect(settled.settlement.payments).toEqual([{ method: 'CASH', amountFen: 120900, reference: null }]);
    const stored = await app.gql(`query($id: ID!) { workOrder(id: $id) { settlement { issuedParts { partNumber coveredQuantity uncoveredQuantity uncoveredAmountFen } } } }`, { id: wo.id }, { token: cashier });
    expect(stored.data.workOrder.settlement.issuedParts).toEqual([
      { partNumber: pads.partNumber, coveredQuantity: 2, uncoveredQuantity: 0, uncoveredAmountFen: 0 },
      { partNumber: fluid.partNumber, coveredQuantity: 1, uncoveredQuantity: 1, uncoveredAmountFen: 6800 },
    ]);
  });
});

const RECEIVE_VEHICLE = `mutation($input: ReceiveVehicleInput!) { receiveVehicle(input: $input) { workOrder { id version jobs { id } } userErrors { code field message } } }`;
const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { appointment { id } userErrors { code field message } } }`;

/** A booking holding `quantity` of the part, and the order opened for it at the front desk (DRAFT). */
async function orderFromBookingWith(partNumber: string, quantity: number, hour: string) {
  const { customerId, vehicleId } = await createCustomerAndVehicle(app);
  const day = new Date(clock.now().getTime() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
  const slotStart = new Date(`${day}T${hour}:00+08:00`).toISOString();
  const booked = await app.gql(BOOK, { input: { customerId, vehicleId, slotStart, channel: 'APP', initiator: 'CUSTOMER', purpose: 'MAINTENANCE', customerWords: '换刹车片', jobs: [{ title: '更换前刹车片', skill: 'MAINTENANCE', standardHours: 1 }], parts: [{ partNumber, quantity }] } }, { token: await app.login('advisor') });
  expect(booked.data.bookAppointment.userErrors).toEqual([]);
  clock.set(new Date(new Date(slotStart).getTime() - 60_000));
  const now = clock.now().toISOString();
  const received = await app.gql(RECEIVE_VEHICLE, { input: { appointmentId: booked.data.bookAppointment.appointment.id, vehicleId, arrivedAt: now, greetedAt: now, identityDocument: 'DRIVING_LICENSE', complaint: '换刹车片', mileageIn: 12000 } }, { token: await app.login('advisor') });
  expect(received.data.receiveVehicle.userErrors).toEqual([]);
  return { wo: received.data.receiveVehicle.workOrder as { id: string; jobs: { id: string }[] }, appointmentId: booked.data.bookAppointment.appointment.id as string };
}

const releases = (partId: string) =>
  sql<{ kind: string; quantity: number; actor_kind: string; actor_id: number | null; work_order_id: number | null }>("select kind, quantity, actor_kind, actor_id, work_order_id from stock_movement where part_id = ? and kind = 'RELEASE' order by id", [dbId(partId, 'Part')]);

describe('R-APT-5: holds left over when the order leaves the floor go back to stock', () => {
  it('R-APT-5: delivered with one of two held units issued: the other is released, with the actor who delivered and the order', async () => {
    const part = await createPart();
    await receive(part.id, 2);
    const { wo } = await orderFromBookingWith(part.partNumber, 2, '15:00');
    expect(await stockRow(part.id)).toEqual({ on_hand: 2, reserved: 2 });
    await recordWalkAround(app, wo.id);
    await move(app, 'advisor', wo.id, 'AWAITING_APPROVAL');
    await approveOneLineEstimate(app, wo.id);
    await assign(app, wo.id, ['tech1'], 2);
    await move(app, 'tech1', wo.id, 'IN_PROGRESS');
    const issued = await app.gql(Q.issue, { input: { workOrderId: wo.id, jobId: wo.jobs[0].id, lines: [{ partId: part.id, quantity: 1 }] } }, { token: await app.login('tech1') });
    expect(issued.data.issueParts.userErrors).toEqual([]);
    expect(await stockRow(part.id)).toEqual({ on_hand: 1, reserved: 1 });
    await finish(app, wo.id);
    expect((await settle(app, wo.id)).userErrors).toEqual([]);
    expect((await recordDelivery(app, wo.id)).userErrors).toEqual([]);
    expect(await releases(part.id)).toEqual([]);
    const delivered = await move(app, 'advisor', wo.id, 'DELIVERED');
    expect(delivered.workOrder.status).toBe('DELIVERED');
    expect(await stockRow(part.id)).toEqual({ on_hand: 1, reserved: 0 });
    const [advisor] = await sql<{ id: number }>("select id from staff where username = 'advisor'");
    expect(await releases(part.id)).toEqual([{ kind: 'RELEASE', quantity: 1, actor_kind: 'staff', actor_id: advisor.id, work_order_id: dbId(wo.id, 'WorkOrder') }]);
    clock.set(new Date());
  });

  it('R-APT-5: cancelled before work starts: every held unit is released (and nothing when nothing is held)', async () => {
    const part = await createPart();
    await receive(part.id, 3);
    const { wo } = await orderFromBookingWith(part.partNumber, 3, '16:00');
    expect(await stockRow(part.id)).toEqual({ on_hand: 3, reserved: 3 });
    const cancelled = await move(app, 'advisor', wo.id, 'CANCELLED', { reason: '客户改期' });
    expect(cancelled.workOrder.status).toBe('CANCELLED');
    expect(await stockRow(part.id)).toEqual({ on_hand: 3, reserved: 0 });
    expect((await releases(part.id)).map((r) => [r.quantity, r.actor_kind])).toEqual([[3, 'staff']]);
    clock.set(new Date());
  });
});

describe('R-DEL-4: correcting a delivery record', () => {
  it('R-DEL-4: a mileage typo and the next service are corrected with the version and the reason; the history keeps who changed what; the vehicle follows the corrected mileage', async () => {
    const wo = await orderInProgressWith(app, [LABOUR], 1);
    await finish(app, wo.id);
    await settle(app, wo.id);
    expect((await recordDelivery(app, wo.id, { mileageOut: 121_000, nextServiceDueKm: 130_000 })).userErrors).toEqual([]);
    const advisor = await app.login('advisor');
    const before = (await app.gql(Q.delivery, { id: wo.id }, { token: advisor })).data.workOrder;
    expect(before.vehicle.mileageKm).toBe(121_000);
    expect(before.delivery.version).toBe(1);

    const input = { workOrderId: wo.id, expectedVersion: 1, reason: '交车里程多录了一位', mileageOut: 12_100, nextServiceDueKm: 20_000 };
    expect(codes((await app.gql(Q.correct, { input: { ...input, reason: ' ' } }, { token: advisor })).data.correctDelivery)).toEqual(['REQUIRED@input.reason']);
    expect(codes((await app.gql(Q.correct, { input: { ...input, nextServiceDueKm: null, mileageOut: 200_000 } }, { token: advisor })).data.correctDelivery)).toEqual(['NEXT_SERVICE_NOT_AHEAD@input.mileageOut']);
    expect(codes((await app.gql(Q.correct, { input: { ...input, nextServiceDueKm: null } }, { token: advisor })).data.correctDelivery)).toEqual([]); // 130 000 stays above 12 100
    // That correction made version 2: the same version again is stale.
    expect(codes((await app.gql(Q.correct, { input }, { token: advisor })).data.correctDelivery)).toEqual(['STALE_VERSION@input.expectedVersion']);
    const res = (await app.gql(Q.correct, { input: { workOrderId: wo.id, expectedVersion: 2, reason: '下次保养按 2 万公里', nextServiceDueKm: 20_000, nextServiceDueOn: '2099-01-15', advice: '' } }, { token: advisor })).data.correctDelivery;
    expect(res.userErrors).toEqual([]);
    expect(res.delivery).toMatchObject({ mileageOut: 12_100, nextServiceDueOn: '2099-01-15', nextServiceDueKm: 20_000, advice: null, version: 3 });
    expect(res.delivery.corrections.map((c: { reason: string; version: number; changes: unknown[] }) => [c.reason, c.version, c.changes])).toEqual([
      ['交车里程多录了一位', 2, [{ field: 'mileageOut', from: '121000', to: '12100' }]],
      [
        '下次保养按 2 万公里',
        3,
        [
          { field: 'nextServiceDueOn', from: '2099-06-01', to: '2099-01-15' },
          { field: 'nextServiceDueKm', from: '130000', to: '20000' },
          { field: 'advice', from: '一个月内复查', to: null },
        ],
      ],
    ]);
    expect(res.delivery.corrections[0].correctedBy.id).toBeTruthy();
    const after = (await app.gql(Q.delivery, { id: wo.id }, { token: advisor })).data.workOrder;
    expect(after.vehicle.mileageKm).toBe(12_100);
    expect(after.events.filter((e: { kind: string }) => e.kind === 'DELIVERY_CORRECTED')).toHaveLength(2);
    expect(codes((await app.gql(Q.correct, { input: { workOrderId: wo.id, expectedVersion: 3, reason: '再核对', nextServiceDueKm: 20_000 } }, { token: advisor })).data.correctDelivery)).toEqual(['NOTHING_TO_CORRECT@input']);
    expect(codes((await app.gql(Q.correct, { input: { workOrderId: wo.id, expectedVersion: 3, reason: '错', nextServiceDueKm: 12_000 } }, { token: advisor })).data.correctDelivery)).toEqual(['NEXT_SERVICE_NOT_AHEAD@input.nextServiceDueKm']);
    const denied = await app.gql(Q.correct, { input: { workOrderId: wo.id, expectedVersion: 3, reason: 'x', mileageOut: 12_200 } }, { token: await app.login('tech1') });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Seven days later the record stands as it is.
    clock.set(new Date(Date.now() + 7 * 86_400_000 + 60_000));
    expect(codes((await app.gql(Q.correct, { input: { workOrderId: wo.id, expectedVersion: 3, reason: '晚了', mileageOut: 12_200 } }, { token: advisor })).data.correctDelivery)).toEqual(['DELIVERY_CORRECTION_CLOSED@input.workOrderId']);
    clock.set(new Date());
    expect((await app.gql(Q.delivery, { id: wo.id }, { token: advisor })).data.workOrder.delivery).toEqual({ version: 3, mileageOut: 12_100 });
    const undelivered = await orderInProgressWith(app, [LABOUR], 1);
    expect(codes((await app.gql(Q.correct, { input: { workOrderId: undelivered.id, expectedVersion: 1, reason: 'x', mileageOut: 1 } }, { token: advisor })).data.correctDelivery)).toEqual(['DELIVERY_NOT_RECORDED@input.workOrderId']);
    await move(app, 'foreman', undelivered.id, 'ON_HOLD', { holdReason: 'OTHER', reason: '让出工位' });
  });
});
